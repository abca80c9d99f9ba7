package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"strings"
	"time"

	"cablereader/catalog"
	"cablereader/model"
)

// The catalog kept whole: besides its rows (files, cables, refs), the
// index keeps the catalog as one blob in the table catalog, written in
// the transaction that commits a build or an update, with the index's
// generation as of that commit. Reading it back is one row and a decode,
// where the rows are read one by one; Catalog reads the rows only when
// the blob is missing, of another generation, or damaged.
//
// The format (integers as varints of encoding/binary, a string as its
// length and bytes):
//
//	"crcat1"
//	counts: files, records, caveats, tags, references (of all records)
//	the string table: count, strings (the words records share: markings,
//	  origins, caveats, tags, labels, kinds)
//	files: id, path (the length of the start it shares with the path
//	  before, and the rest), size, mtime, cables
//	records' files: the index in files of each record's file
//	records: id, dated (0/1) and Unix seconds, class, caveats (count,
//	  string numbers), origin, subject, tags (count, numbers), references
//	  (count, id and label number each), kind, offset, length, line
//	CRC-32 (Castagnoli) of all that, 4 bytes little-endian
//
// Hand-written rather than a general encoder: the records are one flat
// shape, decoded into slices allocated once, and every string is a part
// of one copy of the blob.

const catMagic = "crcat1"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// catFile is a file of the files table.
type catFile struct {
	id     int64
	path   string // absolute, as the index keeps it
	st     catalog.Stamp
	cables int
}

// catImage is the catalog as the index holds it: every file, and every
// cable record in rowid order with its path absolute, fileOf[i] the
// index in files of recs[i]'s file.
type catImage struct {
	files  []catFile
	recs   []catalog.Record
	fileOf []int32
}

// storedRecord is e as the cables and refs rows give it back: the
// classification read back from its marking, the caveats beyond its
// qualifiers, the date in whole seconds UTC, the TAGS items as split, the
// cited ids in upper case without their text, no path.
func storedRecord(e catalog.Record) catalog.Record {
	r := e
	r.Loc.Path = ""
	if !e.Date.IsZero() {
		r.Date = time.Unix(e.Date.Unix(), 0).UTC()
	}
	r.Classification = catalog.ClassOf(e.Class())
	r.Caveats = extraCaveats(caveatsColumn(e), r.Classification.Qualifiers)
	r.Tags = nil
	if j := strings.Join(e.Tags, tagSep); j != "" {
		r.Tags = strings.Split(j, tagSep)
	}
	r.References = nil
	for _, ref := range e.References {
		r.References = append(r.References, model.Reference{ID: strings.ToUpper(ref.ID), Label: ref.Label})
	}
	return r
}

// caveatsColumn is what the caveats column holds: the marking's
// qualifiers and the caveats beyond them.
func caveatsColumn(e catalog.Record) string {
	caveats := strings.Join(e.Classification.Qualifiers, "//")
	for _, c := range e.Caveats {
		if !strings.Contains(caveats, c) {
			caveats = strings.TrimPrefix(caveats+"//"+c, "//")
		}
	}
	return caveats
}

// catEncoder collects the catalog as a build or update writes it.
type catEncoder struct {
	strs               map[string]uint64
	table              []string
	recs               []byte
	fileOf             []int64 // the file id of each record
	nCav, nTags, nRefs int
	files              map[int64]*catFile
}

func newCatEncoder() *catEncoder {
	return &catEncoder{strs: map[string]uint64{}, files: map[int64]*catFile{}}
}

func (c *catEncoder) str(s string) {
	c.recs = binary.AppendUvarint(c.recs, uint64(len(s)))
	c.recs = append(c.recs, s...)
}

func (c *catEncoder) word(s string) {
	i, ok := c.strs[s]
	if !ok {
		i = uint64(len(c.table))
		c.strs[s] = i
		c.table = append(c.table, s)
	}
	c.recs = binary.AppendUvarint(c.recs, i)
}

func (c *catEncoder) num(n int64) { c.recs = binary.AppendVarint(c.recs, n) }

func (c *catEncoder) count(n int) { c.recs = binary.AppendUvarint(c.recs, uint64(n)) }

// add appends a record, in its stored form (storedRecord), of the file
// numbered file.
func (c *catEncoder) add(r *catalog.Record, file int64) {
	c.fileOf = append(c.fileOf, file)
	c.str(r.ID)
	if r.Date.IsZero() {
		c.count(0)
	} else {
		c.count(1)
		c.num(r.Date.Unix())
	}
	c.word(r.Class())
	c.count(len(r.Caveats))
	for _, s := range r.Caveats {
		c.word(s)
	}
	c.word(r.Origin)
	c.str(r.Subject)
	c.count(len(r.Tags))
	for _, s := range r.Tags {
		c.word(s)
	}
	c.count(len(r.References))
	for _, ref := range r.References {
		c.str(ref.ID)
		c.word(ref.Label)
	}
	c.word(string(r.Loc.Kind))
	c.num(r.Loc.Offset)
	c.num(int64(r.Loc.Length))
	c.num(int64(r.Loc.Line))
	c.nCav += len(r.Caveats)
	c.nTags += len(r.Tags)
	c.nRefs += len(r.References)
}

// file records a file as the files table has it now.
func (c *catEncoder) file(f catFile) {
	if old := c.files[f.id]; old != nil {
		f.cables = old.cables
	}
	c.files[f.id] = &f
}

// cables records a file's count of cables.
func (c *catEncoder) cables(id int64, n int) {
	if f := c.files[id]; f != nil {
		f.cables = n
	}
}

// carry takes the records and files of the catalog before an update,
// but those of the files gone (removed or changed).
func (c *catEncoder) carry(old *catImage, gone map[string]bool) {
	for _, f := range old.files {
		if !gone[f.path] {
			c.file(f)
		}
	}
	for i := range old.recs {
		f := old.files[old.fileOf[i]]
		if !gone[f.path] {
			c.add(&old.recs[i], f.id)
		}
	}
}

// bytes is the blob. A record of a file unknown to the encoder (none
// should be) makes it an error.
func (c *catEncoder) bytes() ([]byte, error) {
	files := make([]*catFile, 0, len(c.files))
	for _, f := range c.files {
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b *catFile) int { return cmpInt(a.id, b.id) })
	at := make(map[int64]int, len(files))
	for i, f := range files {
		at[f.id] = i
	}
	out := make([]byte, 0, len(c.recs)+len(files)*64+len(c.fileOf)*3+1024)
	out = append(out, catMagic...)
	for _, n := range []int{len(files), len(c.fileOf), c.nCav, c.nTags, c.nRefs, len(c.table)} {
		out = binary.AppendUvarint(out, uint64(n))
	}
	for _, s := range c.table {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	prev := ""
	for _, f := range files {
		out = binary.AppendVarint(out, f.id)
		n := 0 // the bytes of the path the one before starts with too
		for n < len(prev) && n < len(f.path) && prev[n] == f.path[n] {
			n++
		}
		out = binary.AppendUvarint(out, uint64(n))
		out = binary.AppendUvarint(out, uint64(len(f.path)-n))
		out = append(out, f.path[n:]...)
		prev = f.path
		out = binary.AppendVarint(out, f.st.Size)
		out = binary.AppendVarint(out, f.st.MTime)
		out = binary.AppendVarint(out, int64(f.cables))
	}
	for _, id := range c.fileOf {
		i, ok := at[id]
		if !ok {
			return nil, fmt.Errorf("catalog: a cable of file %d, which is not among the files", id)
		}
		out = binary.AppendUvarint(out, uint64(i))
	}
	out = append(out, c.recs...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli)), nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// errBlob is a catalog blob that cannot be read.
var errBlob = errors.New("the catalog kept in the index is damaged")

// catDecoder reads a blob; every read is bounds-checked, and the first
// failure sticks.
type catDecoder struct {
	s   string // the blob, one copy: every string is a part of it
	at  int
	bad bool
}

func (d *catDecoder) uint() uint64 {
	if d.bad {
		return 0
	}
	var x uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if d.at >= len(d.s) {
			break
		}
		b := d.s[d.at]
		d.at++
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				break
			}
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	d.bad = true
	return 0
}

func (d *catDecoder) int() int64 {
	u := d.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a count of at most limit.
func (d *catDecoder) count(limit int) int {
	n := d.uint()
	if n > uint64(limit) {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *catDecoder) str() string {
	n := d.uint()
	if d.bad || n > uint64(len(d.s)-d.at) {
		d.bad = true
		return ""
	}
	s := d.s[d.at : d.at+int(n)]
	d.at += int(n)
	return s
}

func (d *catDecoder) word(table []string) string {
	i := d.uint()
	if d.bad || i >= uint64(len(table)) {
		d.bad = true
		return ""
	}
	return table[i]
}

// decodeCatalog reads a blob written by catEncoder.bytes.
func decodeCatalog(blob []byte) (*catImage, error) {
	if len(blob) < 4 {
		return nil, errBlob
	}
	body := blob[:len(blob)-4]
	if binary.LittleEndian.Uint32(blob[len(body):]) != crc32.Checksum(body, castagnoli) {
		return nil, errBlob
	}
	return decodeBody(string(body))
}

// partSize is the size of the parts the blob is kept in: read a part at
// a time, it is copied once, into the string it is decoded from. (A
// variable for tests.)
var partSize = 1 << 20

// blobReader puts the parts of a blob together and checks its checksum
// as they come: the last 4 bytes so far are held back, the checksum
// perhaps.
type blobReader struct {
	b    strings.Builder
	crc  uint32
	last []byte
}

func (r *blobReader) write(part []byte) {
	n := len(r.last) + len(part) - 4 // the bytes that are not the last 4
	if n <= 0 {
		r.last = append(r.last, part...)
		return
	}
	k := min(n, len(r.last))
	r.put(r.last[:k])
	r.put(part[:n-k])
	r.last = append(append([]byte(nil), r.last[k:]...), part[n-k:]...)
}

func (r *blobReader) put(b []byte) {
	r.crc = crc32.Update(r.crc, castagnoli, b)
	r.b.Write(b)
}

func (r *blobReader) decode() (*catImage, error) {
	if len(r.last) != 4 || binary.LittleEndian.Uint32(r.last) != r.crc {
		return nil, errBlob
	}
	return decodeBody(r.b.String())
}

// decodeBody reads a blob written by catEncoder.bytes, its checksum
// checked and cut off.
func decodeBody(body string) (*catImage, error) {
	if !strings.HasPrefix(body, catMagic) {
		return nil, errBlob
	}
	d := &catDecoder{s: body, at: len(catMagic)}
	// No count can exceed the bytes left: each item takes one at least.
	left := len(body)
	nFiles, nRecs, nCav, nTags, nRefs, nStr := d.count(left), d.count(left), d.count(left), d.count(left), d.count(left), d.count(left)
	if d.bad {
		return nil, errBlob
	}
	table := make([]string, nStr)
	for i := range table {
		table[i] = d.str()
	}
	img := &catImage{files: make([]catFile, nFiles), recs: make([]catalog.Record, nRecs), fileOf: make([]int32, nRecs)}
	var path []byte
	for i := range img.files {
		f := &img.files[i]
		f.id = d.int()
		if n := d.uint(); n <= uint64(len(path)) {
			path = append(path[:n], d.str()...)
		} else {
			d.bad = true
		}
		f.path = string(path)
		f.st.Size, f.st.MTime = d.int(), d.int()
		f.cables = int(d.int())
	}
	for i := range img.fileOf {
		if f := d.uint(); f < uint64(nFiles) {
			img.fileOf[i] = int32(f)
		} else {
			d.bad = true
		}
	}
	if d.bad {
		return nil, errBlob
	}
	cavs, tags, refs := make([]string, nCav), make([]string, nTags), make([]model.Reference, nRefs)
	classes := make([]*model.Classification, nStr)
	for i := range img.recs {
		r := &img.recs[i]
		r.ID = d.str()
		if d.uint() != 0 {
			r.Date = time.Unix(d.int(), 0).UTC()
		}
		ci := d.uint()
		if d.bad || ci >= uint64(nStr) {
			return nil, errBlob
		}
		if classes[ci] == nil {
			c := catalog.ClassOf(table[ci])
			classes[ci] = &c
		}
		r.Classification = *classes[ci]
		if n := d.count(len(cavs)); n > 0 {
			r.Caveats = cavs[:n:n]
			for j := range n {
				r.Caveats[j] = d.word(table)
			}
			cavs = cavs[n:]
		}
		r.Origin = d.word(table)
		r.Subject = d.str()
		if n := d.count(len(tags)); n > 0 {
			r.Tags = tags[:n:n]
			for j := range n {
				r.Tags[j] = d.word(table)
			}
			tags = tags[n:]
		}
		if n := d.count(len(refs)); n > 0 {
			r.References = refs[:n:n]
			for j := range n {
				r.References[j] = model.Reference{ID: d.str(), Label: d.word(table)}
			}
			refs = refs[n:]
		}
		r.Loc.Kind = catalog.Kind(d.word(table))
		r.Loc.Offset = d.int()
		r.Loc.Length = int32(d.int())
		r.Loc.Line = int32(d.int())
		r.Loc.Path = img.files[img.fileOf[i]].path
		if d.bad {
			return nil, errBlob
		}
	}
	if d.at != len(d.s) || len(cavs)+len(tags)+len(refs) != 0 {
		return nil, errBlob
	}
	return img, nil
}
