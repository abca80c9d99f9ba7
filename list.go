package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"time"

	"cablereader/catalog"
	"cablereader/corpus"
	"cablereader/output"
	"cablereader/parser"
	"cablereader/sanitize"
)

// listColumns name the columns of --list, as --header prints them.
var listColumns = []string{"id", "date", "classification", "origin", "subject", "path"}

// writeList writes one tab-separated line per entry: id, date (RFC 3339,
// or empty), classification, origin, subject and where it was read: the
// file, or for a row of a CSV the CSV and the line the row starts on
// (cables.csv:1234), with a header row first when header is set. Tabs and line breaks inside a field become spaces, and what a
// terminal would act on is made visible (sanitize.Text).
func writeList(w io.Writer, entries []catalog.Record, header bool) error {
	b := bufio.NewWriterSize(w, 64<<10)
	if header {
		b.WriteString(strings.Join(listColumns, "\t") + "\n")
	}
	for _, e := range entries {
		date := ""
		if !e.Date.IsZero() {
			date = e.Date.UTC().Format(time.RFC3339)
		}
		for i, f := range []string{e.ID, date, e.Class(), e.Origin, e.Subject, e.Place()} {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(sanitize.Field(f))
		}
		b.WriteByte('\n')
	}
	return b.Flush()
}

// writeJSONLines writes each cable of the archive as its JSON (the form
// --format json prints for one cable) on a line of its own: JSON Lines,
// in the order of the list. A cable that cannot be loaded is reported
// through skip and left out.
func writeJSONLines(w io.Writer, ix *corpus.Archive, skip func(e catalog.Record, err error)) error {
	b := bufio.NewWriterSize(w, 64<<10)
	var one, line bytes.Buffer
	for _, e := range ix.Entries() {
		text, err := ix.Load(e)
		if err != nil {
			skip(e, err)
			continue
		}
		one.Reset()
		line.Reset()
		c := parser.ParseAs(text, corpus.ArchiveID(e))
		corpus.Fill(c, e)
		if err := output.JSON(&one, c); err != nil {
			return err
		}
		if err := json.Compact(&line, one.Bytes()); err != nil {
			return err
		}
		line.WriteByte('\n')
		if _, err := b.Write(line.Bytes()); err != nil {
			return err
		}
	}
	return b.Flush()
}
