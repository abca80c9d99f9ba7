package parser

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"cablereader/model"
)

// fragment parses a body under a minimal caption block.
func fragment(body string) *model.Cable {
	return Parse([]byte("CONFIDENTIAL\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: TEST\n\nClassified By: Ambassador, reasons 1.4 (b) and (d).\n\n" + body))
}

// spanList lists every span as "¶N KIND [start:end] text", with "¶-" for
// an unnumbered paragraph and the heading in braces when it has one.
func spanList(c *model.Cable) []string {
	var out []string
	for _, p := range c.Body {
		for _, s := range p.Spans {
			n := "-"
			if p.Number > 0 {
				n = fmt.Sprint(p.Number)
			}
			out = append(out, fmt.Sprintf("¶%s %s [%d:%d] %s", n, s.Kind, s.Start, s.End, p.Text[s.Start:s.End]))
		}
	}
	return out
}

func numberList(c *model.Cable) []int {
	var ns []int
	for _, p := range c.Body {
		if p.Number > 0 {
			ns = append(ns, p.Number)
		}
	}
	return ns
}

func headingList(c *model.Cable) []string {
	var hs []string
	for _, p := range c.Body {
		if p.Heading != "" {
			hs = append(hs, fmt.Sprintf("¶%d %s", p.Number, p.Heading))
		}
	}
	return hs
}

// TestSections checks SUMMARY, COMMENT and NOTE blocks on fragments: exact
// spans, headings and paragraph numbers.
func TestSections(t *testing.T) {
	for _, tc := range []struct {
		name     string
		body     string
		spans    []string
		headings []string
		numbers  []int
	}{
		// Class 2: COMMENT and SUMMARY written as headings.
		{"comment heading over a rule spans to the end",
			"¶1. (C) Talks went well.\n\nComment\n-------\n\n¶2. (C) We think so.\n\n¶3. (C) And more.\n",
			[]string{"¶2 COMMENT [0:12] We think so.", "¶3 COMMENT [0:9] And more."},
			[]string{"¶2 Comment"}, []int{1, 2, 3}},
		{"ruled comment heading stops at the next heading",
			"¶1. (C) Talks went well.\n\n------- Comment -------\n\n¶2. (C) We think so.\n\n------- Next Steps -------\n\n¶3. (C) A visit.\n",
			[]string{"¶2 COMMENT [0:12] We think so."},
			[]string{"¶2 Comment", "¶3 Next Steps"}, []int{1, 2, 3}},
		{"titled comment heading",
			"¶1. (C) Talks went well.\n\nComment: A Stormy Session\n-------------------------\n\n¶2. (C) It was stormy.\n",
			[]string{"¶2 COMMENT [0:14] It was stormy."},
			[]string{"¶2 Comment: A Stormy Session"}, []int{1, 2}},
		{"spaced rule under the heading",
			"¶1. (C) Talks went well.\n\nComment\n- - - -\n¶2. (C) It was stormy.\n",
			[]string{"¶2 COMMENT [0:14] It was stormy."},
			[]string{"¶2 Comment"}, []int{1, 2}},
		{"a heading that only starts with the word is no comment",
			"¶1. (C) Talks went well.\n\nComment on the Elections\n------------------------\n\n¶2. (C) They were held.\n",
			nil, []string{"¶2 Comment on the Elections"}, []int{1, 2}},
		{"comment heading ends at END COMMENT",
			"¶1. (C) Talks.\n\nCOMMENT\n-------\n\n¶2. (C) Ours. END COMMENT. Then a fact.\n\n¶3. (C) Reporting.\n",
			[]string{"¶2 COMMENT [0:18] Ours. END COMMENT."},
			[]string{"¶2 COMMENT"}, []int{1, 2, 3}},
		{"lone COMMENT line right over the paragraph",
			"¶1. (C) Talks.\n\nCOMMENT\n2.(SBU) Ours.\n",
			[]string{"¶2 COMMENT [0:5] Ours."},
			[]string{"¶2 COMMENT"}, []int{1, 2}},
		{"summary and comment heading runs to its END",
			"SUMMARY AND COMMENT\n-------------------\n\n¶1. (C) Brief.\n\n¶2. (C) Ours. END SUMMARY AND COMMENT.\n\n¶3. (C) Reporting.\n",
			[]string{"¶1 SUMMARY [0:6] Brief.", "¶2 SUMMARY [0:30] Ours. END SUMMARY AND COMMENT."},
			[]string{"¶1 SUMMARY AND COMMENT"}, []int{1, 2, 3}},
		{"summary paragraph then comment paragraph, one END for both",
			"¶1. (C) Summary: Brief.\n\n¶2. (C) Comment: Ours. End Summary and Comment.\n\n¶3. (C) Reporting.\n",
			[]string{"¶1 SUMMARY [0:15] Summary: Brief.", "¶2 COMMENT [0:39] Comment: Ours. End Summary and Comment."},
			nil, []int{1, 2, 3}},
		{"comment inside a summary ends it",
			"¶1. (C) Summary: Brief. Comment: Ours. End summary & comment.\n\n¶2. (C) Reporting.\n",
			[]string{"¶1 SUMMARY [0:16] Summary: Brief. ", "¶1 COMMENT [16:53] Comment: Ours. End summary & comment."},
			nil, []int{1, 2}},
		// Class 3: a NOTE or COMMENT opened inside parentheses.
		{"parenthesised note ends at its parenthesis",
			"¶1. (C) He spoke (Note: a (rare) event.) and left the room after the talks.\n",
			[]string{"¶1 NOTE [9:32] (Note: a (rare) event.)"}, nil, []int{1}},
		{"parenthesised comment with an END label",
			"¶1. (C) He spoke. (COMMENT: We doubt it. END COMMENT.) He left the room after the talks.\n",
			[]string{"¶1 COMMENT [10:46] (COMMENT: We doubt it. END COMMENT.)"}, nil, []int{1}},
		{"post comment in parentheses, closing dot kept",
			"¶1. (C) He spoke. (Post Comment: We doubt it). He left the room after the talks.\n",
			[]string{"¶1 COMMENT [10:38] (Post Comment: We doubt it)."}, nil, []int{1}},
		{"unclosed parenthesis runs to the paragraph end",
			"¶1. (C) He spoke (Note: and never closed it.\n\n¶2. (C) Next.\n",
			[]string{"¶1 NOTE [9:36] (Note: and never closed it."}, nil, []int{1, 2}},
		// Paragraph numbering.
		{"double dot after the number",
			"¶1. (C) One.\n\n¶2. (C) Two.\n\n3.. (C) Three.\n",
			nil, nil, []int{1, 2, 3}},
		{"marked paragraphs without blank lines, one missing",
			"¶1. (C) One.\n¶2. (C) Two.\n¶4. (C) Four.\n¶5. (C) Five.\n",
			nil, nil, []int{1, 2, 4, 5}},
		{"a date wrapped onto a marked number is no paragraph",
			"¶1. (C) One.\n¶2. (C) They meet in March\n¶15. and will talk.\n¶3. (C) Three.\n",
			nil, nil, []int{1, 2, 3}},
		{"unmarked tight labels among marked ones",
			"¶1. (C) One.\n2.(C) Two.\n3.(C) Three.\n¶4. (C) Four.\n",
			nil, nil, []int{1, 2, 3, 4}},
		{"after a redaction",
			"¶1. (C) One.\n¶2. (C) XXXXXXXXXXXX\n¶3. (C) Three.\n",
			nil, nil, []int{1, 2, 3}},
		{"ruled headings part paragraphs",
			"¶1. (C) One.\n----- Talks -----\n¶2. (C) Two\n----- More talks -----\n¶3. (C) Three.\n",
			nil, []string{"¶2 Talks", "¶3 More talks"}, []int{1, 2, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := fragment(tc.body)
			eq(t, "spans", spanList(c), tc.spans)
			eq(t, "headings", headingList(c), tc.headings)
			eq(t, "numbers", numberList(c), tc.numbers)
		})
	}
}

// TestSectionsCables checks spans (each cut to its first 50 bytes), headings
// and paragraph numbers on real cables.
func TestSectionsCables(t *testing.T) {
	cut := func(ss []string) []string {
		for i, s := range ss {
			if len(s) > 50 {
				ss[i] = strings.ToValidUTF8(s[:50], "")
			}
		}
		return ss
	}
	for _, tc := range []struct {
		file     string
		spans    []string
		headings []string
		numbers  []int
	}{
		{"08BANGKOK2977",
			[]string{"¶1 SUMMARY [0:759] Summary: Former Prime Minister", "¶2 COMMENT [0:534] Comment: XXXXXXXXXXXX’s expe", "¶4 NOTE [0:724] Note: Once Samak lost face after "},
			[]string{"¶3 SAMAK QUITS PPP POST, HEADS TO DISNEY WORLD", "¶5 SAMAK DISCUSSES HIS DOWNFALL, CRITICIZES THE QUEEN", "¶8 Out with the Old, Out with the New?"},
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"08BAKU947",
			[]string{"¶1 SUMMARY [0:1146] SUMMARY: BP Azerbaijan Presid", "¶3 NOTE [294:424] (NOTE: according to the AIOC PS", "¶4 NOTE [450:607] (NOTE: BP Azerbaijan President ", "¶5 NOTE [263:592] (NOTE: referred to as “ACG De", "¶5 COMMENT [836:1054] (COMMENT: Take together, th", "¶6 NOTE [521:765] (Note: in a separate conversati", "¶12 NOTE [165:323] (NOTE: It had restarted operat", "¶14 COMMENT [0:1077] COMMENT: The silver lining t"},
			nil,
			// ¶9 is run onto ¶8's line ("… remain shut down. 9. (C) …").
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}},
		{"08KHARTOUM1354",
			[]string{"¶1 SUMMARY [0:857] Summary: During his recent vis", "¶8 NOTE [171:742] (Note: For example, the newspap", "¶9 COMMENT [0:633] Li’s concern that the issuan"},
			[]string{"¶2 Special Envoy Zhen,s Message to Khartoum", "¶4 ICC Action Threatens Darfur Progress", "¶8 U.S. Should Not Block Delaying ICC Action", "¶9 Comment"},
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"10ISLAMABAD399",
			[]string{"¶1 SUMMARY [0:766] Summary: On February 16 Senato", "¶2 SUMMARY [0:830] Gilani said that Pakistan was "},
			[]string{"¶0 Building Bridges-Relations with India", "¶6 Fighting Extremism and the Need for Coalition Support Funds", "¶9 Need to Rebuild Conflict-affected Areas", "¶10 Trade Not Aid", "¶11 Dr. Aafia Siddiqui"},
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{"08RABAT681",
			[]string{"¶1 SUMMARY [0:874] Summary: Spanish Prime Ministe", "¶6 NOTE [147:494] (Note: Morocco views these two ", "¶9 COMMENT [0:534] The Spanish/Moroccan relations"},
			[]string{"¶9 COMMENT"},
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			c := parseFile(t, filepath.Join(cablesDir, tc.file+".txt"))
			eq(t, "spans", cut(spanList(c)), tc.spans)
			eq(t, "headings", headingList(c), tc.headings)
			eq(t, "numbers", numberList(c), tc.numbers)
		})
	}
}

func TestHeadingKind(t *testing.T) {
	for _, tc := range []struct {
		heading string
		kind    model.SpanKind
	}{
		{"", ""},
		{"---", ""},
		{"/", ""},
		{"Comment", model.Comment},
		{"COMMENT", model.Comment},
		{"------- Comment -------", model.Comment},
		{"Comment: A Stormy Session", model.Comment},
		{"Comments", model.Comment},
		{"Embassy Comment", model.Comment},
		{"Comment on the Elections", ""},
		{"Commentary in the Press", ""},
		{"Summary", model.Summary},
		{"SUMMARY AND COMMENT", model.Summary},
		{"Executive Summary", model.Summary},
		{"Summary of the Talks", ""},
		{"Background", ""},
	} {
		k, ok := headingKind(tc.heading)
		if k != tc.kind || ok != (tc.kind != "") {
			t.Errorf("headingKind(%q) = %q, %v, want %q", tc.heading, k, ok, tc.kind)
		}
	}
}

// A ruled SUMMARY heading right under the references heads the text; it is
// not part of the last reference.
func TestSummaryAfterRefs(t *testing.T) {
	c := Parse([]byte("CONFIDENTIAL\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: TEST\n\nREF: A. STATE 12345\n     B. PARIS 678\n------- SUMMARY -------\n1. (C) Brief summary.\n\n2. (C) Reporting.\n"))
	var refs []string
	for _, r := range c.Header.References {
		refs = append(refs, r.Text)
	}
	eq(t, "refs", refs, []string{"STATE 12345", "PARIS 678"})
	eq(t, "headings", headingList(c), []string{"¶1 SUMMARY"})
	eq(t, "spans", spanList(c), []string{"¶1 SUMMARY [0:14] Brief summary."})
}
