package reader

import (
	"strings"

	"cablereader/glossary"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

// The TAGS glossary page: one row per TAGS code of the cable with its kind
// and meaning, then the cable's caveats and portion markings explained.
// Meanings come from the glossary package; where they
// have none the page says so ("no meaning on record") rather than guess.

const noMeaning = "no meaning on record"

// defRow is one row of a term/definition table. Its definition is dim from
// byte dimFrom on (len(def): nothing dim), for "(unverified)" and "no
// meaning on record".
type defRow struct {
	term    string      // plain text
	paint   theme.Paint // how the term is painted
	kind    string      // optional middle column, dim
	def     string
	dimFrom int
}

// meaningRow is a row whose definition is meaning, or "no meaning on
// record" when meaning is empty; a suffix is appended dim.
func meaningRow(term string, p theme.Paint, kind, meaning, dimSuffix string) defRow {
	if meaning == "" {
		return defRow{term: term, paint: p, kind: kind, def: noMeaning}
	}
	return defRow{term: term, paint: p, kind: kind, def: meaning + dimSuffix, dimFrom: len(meaning)}
}

// tagsPane renders the TAGS glossary page for a column of w cells.
func tagsPane(c *model.Cable, st *theme.Styles, w int) []string {
	out := common.PageTitle("TAGS glossary", "(esc or t closes, q quits)", st, w)
	out = append(out, "")
	dimText := func(s string) {
		for _, l := range common.WrapPlain(s, w) {
			out = append(out, st.P.Dim.Wrap(l))
		}
	}

	code := theme.NewPaint(st.TagCode)
	var rows []defRow
	seen := map[string]bool{}
	unverified := false
	for _, t := range c.Header.Tags {
		t = common.CleanLine(t)
		if t == "" || seen[strings.ToUpper(t)] {
			continue
		}
		seen[strings.ToUpper(t)] = true
		tag := glossary.LookupTag(t)
		suffix := ""
		if tag.Unverified && tag.Meaning != "" {
			suffix, unverified = " (unverified)", true
		}
		rows = append(rows, meaningRow(t, code, tag.Kind.String(), common.CleanLine(tag.Meaning), suffix))
	}
	for _, t := range c.Header.OtherTags {
		rows = append(rows, defRow{term: common.CleanLine(t), paint: code, kind: "not a code", def: noMeaning})
	}
	if len(rows) == 0 {
		dimText("No TAGS line was found in this cable.")
	} else {
		out = append(out, defTable(rows, [3]string{"TAG", "KIND", "MEANING"}, st, w)...)
		if unverified {
			out = append(out, "")
			dimText("(unverified): this meaning has not been checked against the TAGS handbook (5 FAH-3).")
		}
	}

	if cv := caveatRows(c); len(cv) > 0 {
		out = append(out, "", st.Heading.Render("Caveats"))
		out = append(out, defTable(cv, [3]string{}, st, w)...)
	}
	if pm := markingRows(c, st); len(pm) > 0 {
		out = append(out, "", st.Heading.Render("Portion markings"))
		out = append(out, defTable(pm, [3]string{}, st, w)...)
	}
	for i, l := range out {
		out[i] = common.Fit(l, w)
	}
	return out
}

// caveatRows are the cable's caveats and banner qualifiers, once each
// (case-insensitively), with their meanings.
func caveatRows(c *model.Cable) []defRow {
	var rows []defRow
	seen := map[string]bool{}
	for _, cv := range append(append([]string(nil), c.Classification.Qualifiers...), c.Caveats...) {
		cv = common.CleanLine(cv)
		k := strings.ToUpper(cv)
		if cv == "" || seen[k] {
			continue
		}
		seen[k] = true
		rows = append(rows, meaningRow(cv, theme.Paint{}, "", glossary.Caveat(k), ""))
	}
	return rows
}

// markingRows are the portion markings used in the body, once each, in
// order of appearance, each explained part by part.
func markingRows(c *model.Cable, st *theme.Styles) []defRow {
	var rows []defRow
	seen := map[string]bool{}
	for _, p := range c.Body {
		mk := common.CleanLine(p.Marking)
		k := strings.ToUpper(mk)
		if mk == "" || seen[k] {
			continue
		}
		seen[k] = true
		var known, unknown []string
		for _, part := range model.MarkingParts(mk) {
			if m := glossary.MarkingPart(part); m != "" {
				known = append(known, m)
			} else {
				unknown = append(unknown, part)
			}
		}
		def := strings.Join(known, ", ")
		r := defRow{term: "(" + mk + ")", paint: st.BadgePaint(mk), def: def, dimFrom: len(def)}
		if len(unknown) > 0 {
			if def != "" {
				r.def += "; "
			}
			r.def += strings.Join(unknown, ", ") + ": " + noMeaning
		}
		rows = append(rows, r)
	}
	return rows
}

// defTable lays rows out as a table (term, kind, definition with a hanging
// indent) when the definitions keep a readable width; otherwise each term
// gets its own line and its definition is indented below it. hdr names the
// columns of the table form; empty names give no header row.
func defTable(rows []defRow, hdr [3]string, st *theme.Styles, w int) []string {
	const gap = 2
	termW, kindW := common.Width(hdr[0]), common.Width(hdr[1])
	for _, r := range rows {
		termW = max(termW, common.Width(r.term))
		kindW = max(kindW, common.Width(r.kind))
	}
	indent := termW + gap
	if kindW > 0 {
		indent += kindW + gap
	}
	var out []string
	if defW := w - indent; defW >= min(24, max(12, w/3)) {
		if hdr[0] != "" {
			h := common.PadRight(hdr[0], termW+gap)
			if kindW > 0 {
				h += common.PadRight(hdr[1], kindW+gap)
			}
			out = append(out, st.TableHdr.Render(h+hdr[2]))
		}
		for _, r := range rows {
			lead := common.PadRight(r.paint.Wrap(r.term), termW+gap)
			if kindW > 0 {
				lead += common.PadRight(st.P.Dim.Wrap(r.kind), kindW+gap)
			}
			for i, l := range wrapDef(r, defW, st) {
				if i == 0 {
					out = append(out, lead+l)
				} else {
					out = append(out, strings.Repeat(" ", indent)+l)
				}
			}
		}
		return out
	}
	// stacked
	for _, r := range rows {
		tl := common.WrapPlain(r.term, w)
		for _, l := range tl {
			out = append(out, r.paint.Wrap(l))
		}
		if r.kind != "" {
			if common.Width(tl[len(tl)-1])+3+common.Width(r.kind) <= w {
				out[len(out)-1] += st.P.Dim.Wrap(" · " + r.kind)
			} else {
				out = append(out, "  "+st.P.Dim.Wrap(r.kind))
			}
		}
		for _, l := range wrapDef(r, max(1, w-2), st) {
			out = append(out, "  "+l)
		}
	}
	return out
}

// wrapDef wraps a row's definition to w cells, painting the dim part.
func wrapDef(r defRow, w int, st *theme.Styles) []string {
	var lines []string
	for _, x := range common.WrapLine(r.def, w, w, nil) {
		a, b := x.A, x.B
		switch {
		case b <= r.dimFrom:
			lines = append(lines, r.def[a:b])
		case a >= r.dimFrom:
			lines = append(lines, st.P.Dim.Wrap(r.def[a:b]))
		default:
			lines = append(lines, r.def[a:r.dimFrom]+st.P.Dim.Wrap(r.def[r.dimFrom:b]))
		}
	}
	return lines
}
