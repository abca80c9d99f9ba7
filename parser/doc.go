// Package parser reads a diplomatic cable's text into a model.Cable.
//
// It is pure and fast, never panics, and loses nothing: every line of the
// input ends up in some field of the model, and lines it cannot place go
// to Unplaced. It reads the variants real archives carry: WikiLeaks pages
// turned into text or Markdown, cables.csv dumps in Latin-1 with CRLF,
// printouts with page headers, and records with no header at all.
//
// # The passes, in order, and where each lives
//
// ParseAs (parse.go) decodes the bytes (input.DecodeText: UTF-8, else Latin-1)
// and splits them into lines, then parser.run (parse.go) runs the passes.
// A pass hands the next what it alone found as a value (the names in
// brackets); what several passes share is a field of the parser struct
// (the cable being filled, and the banner's station and serial).
//
//  1. Lines (parse.go cutLines, appendGlued; clean.go cleanLine): each
//     line cleaned, Markdown links and headings undone [atx: the headings
//     written "####", for the body], and lines a dump ran together cut
//     apart [glued: a routing line as written, for the routing]: a
//     partial-record notice, a banner glued to the last header line, a
//     first paragraph run onto the REF line, a subject with Classified By
//     run onto it, the text proper run onto a subject, a notice or a rule
//     (parse.go runOnAt, ruleThenPara), a "Cable dated:" line and a
//     banner with its caption fields run together (record.go
//     takeCableDated, splitCaption, gluedCaption); numbered paragraphs
//     a page flattened onto one line split apart (runon.go splitRunOn).
//  2. Record (record.go takeRecord; parse.go takePreamble): an archive's
//     record above the cable (id, date, refid, header …) and a dump's
//     five metadata lines kept as metadata, never as text.
//  3. Banner (parse.go splitAtBanner, findBanner, headerEnd; front.go
//     readBanner; patterns.go banner): the classification line that
//     splits the transmission header from the cable, with the station,
//     serial and year it may carry (parser.banner).
//  4. Page furniture (pages.go): print-page markers and repeated headers
//     removed from both halves, and the sentences they split joined.
//  5. Routing (routing.go parseRouting, dates.go; patterns.go fl1…fl5,
//     fm, to, info): precedence, date-time group, FM, TO, INFO and the
//     other header lines of the transmission header.
//  6. Front matter (front.go parseFront, frontPiece; anchors.go;
//     reasons.go; record.go headerLine): the captions under the banner —
//     caveats, passing lines, E.O. and Classified By, TAGS, SUBJECT, REF —
//     read until the text starts [refText: the REF lists as written, for
//     the finish].
//  7. Body (body.go readBody, lines.go): the text cut into numbered
//     paragraphs with their portion markings and headings; the trailer,
//     the signer and an old cable's group mark taken off its end. A later
//     section's repeated caption block is read by the front-matter pass
//     again (its REF text joins refText).
//  8. Spans (spans.go findSpans): SUMMARY, COMMENT and NOTE found across
//     paragraphs, from their labels to their END labels or next heading.
//  9. Finish (parse.go finish): one derivation each, in order — the level
//     of a cable with no banner (settleLevel), the date from a printout
//     or the record (settleDate), TAGS sorted into codes and the rest, the
//     station and serial (stationSerial) and the id (idOf), the
//     references (addReferences: refs.go reads each REF list by its
//     grammar and resolves each post against the station gazetteer,
//     glossary.Post), Classified By written in the text
//     (classifiedByInText), and a record cut off (markCutOff).
//
// After run, ParseAs takes the archive's id where the text gives none
// (parse.go archiveID), adds notices for what the reader should know
// (notices.go), and copies the strings off the input (own.go).
//
// # Where to look
//
//   - REF lines: recognised by refLine, refBare, refFirstItem and refItem
//     (patterns.go), cut out of a line by anchors.go, gathered over their
//     wrapped lines by front.go (frontPiece, refContinues, refOpen),
//     split off a first paragraph run onto them by parse.go appendGlued,
//     and read into references by refs.go (readReferences; the year of an
//     undated record in refYear).
//   - Classified By and its reasons: front.go readClassifiedBy, reasons.go;
//     in the text, parse.go classifiedByInText.
//   - TAGS: front.go frontPiece, splitTags, sortTags.
//   - SUBJECT: front.go frontPiece, cleanSubject, subjectOpen; what a page
//     runs onto it, parse.go runOnAt.
//   - The classification level: front.go readBanner (its words are the
//     vocabulary's, model.ReadLevel); the fallbacks in parse.go settleLevel.
//   - The date: routing.go readDTG, dates.go; fallbacks in settleDate.
//   - The id: parse.go stationSerial, idOf, archiveID.
//   - Signature, trailer, closing banner: body.go takeTrailer,
//     takeSignature, takeGroupMark.
//   - Caveats: front.go frontPiece, patterns.go caveat; caveats.go for
//     the search index's quick read.
//
// Entry points beside Parse: ParseAs (parse.go) gives the archive's id,
// Caveats (caveats.go) reads just the caveats for the search index, and
// IsFurniture (furniture.go) tells page furniture in a snippet. The text of
// a cable's bytes is input.DecodeText's.
package parser
