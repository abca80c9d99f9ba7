// Package parser reads a diplomatic cable's text into a model.Cable.
//
// It is pure and fast, never panics, and loses nothing: every line of the
// input ends up in some field of the model, and lines it cannot place go
// to Unplaced. It reads the variants real archives carry: WikiLeaks pages
// turned into text or Markdown, cables.csv dumps in Latin-1 with CRLF,
// printouts with page headers, and records with no header at all.
//
// # The passes, in order (parser.run), and where each lives
//
//  1. Lines (decode.go, parse.go appendGlued): the bytes decoded (UTF-8,
//     else Latin-1), split into lines, Markdown links and headings undone,
//     and lines a dump ran together cut apart: a partial-record notice, a
//     banner glued to the last header line, a first paragraph run onto the
//     REF line, a "Cable dated:" line with its caption fields (record.go).
//  2. Record (record.go): an archive's record above the cable (id, date,
//     refid, header …) kept as metadata, never as text.
//  3. Banner (patterns.go banner, parse.go readBanner): the classification
//     line that splits the transmission header from the cable, with the
//     station and serial it may carry.
//  4. Page furniture (pages.go): print-page markers and repeated headers
//     removed from both halves, and the sentences they split joined.
//  5. Routing (routing.go, dates.go): precedence, date-time group, FM, TO,
//     INFO and the other header lines of the transmission header.
//  6. Front matter (front.go, reasons.go): the captions under the banner —
//     caveats, passing lines, E.O. and Classified By, TAGS, SUBJECT, REF —
//     read until the text starts; a printout's later sections repeat them.
//  7. Body (body.go, lines.go, anchors.go): the text cut into numbered
//     paragraphs with their portion markings, headings, lists and the
//     signer.
//  8. Spans (spans.go): SUMMARY, COMMENT and NOTE found across
//     paragraphs, from their labels to their END labels or next heading.
//  9. Finish (parse.go finish, own.go, notices.go): the id, date and
//     classification settled from what the passes found (the banner, the
//     date-time group, the archive's record); then the references, read
//     from the REF text by their grammar (refs.go) with the year now
//     known, each post resolved against the station gazetteer
//     (glossary.Post) into a cable id; strings copied off the input; and
//     notices for what the reader should know.
//
// Entry points beside Parse: Caveats (caveats.go) reads just the caveats
// for the search index, IsFurniture (furniture.go) tells page furniture in
// a snippet, and Decode the text of a cable's bytes.
package parser
