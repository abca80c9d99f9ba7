package reader

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"cablereader/glossary"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/theme"
)

const fieldW = 11 // width of the header's field-name column

// levelText is the classification level with its qualifiers, and with
// "//NOFORN" when the cable is NOFORN by a caveat line: "SECRET//NOFORN".
// It is "" when the level is not marked.
func levelText(c *model.Cable) string {
	cls := common.CleanLine(c.Classification.String())
	if cls != "" && c.NoForn() && !containsFold(c.Classification.Qualifiers, "NOFORN") {
		cls += "//NOFORN"
	}
	return cls
}

// bannerText is the classification as words, so it survives NO_COLOR:
// "SECRET//NOFORN · SIPDIS". Each caveat is shown once, whatever its case,
// in the spelling it first has.
func bannerText(c *model.Cable) string {
	cls := levelText(c)
	seen := map[string]bool{}
	if cls == "" {
		cls = "CLASSIFICATION NOT MARKED"
	} else {
		for _, q := range c.Classification.Qualifiers {
			seen[strings.ToUpper(common.CleanLine(q))] = true
		}
		if c.NoForn() {
			seen["NOFORN"] = true
		}
	}
	parts := []string{cls}
	for _, cv := range c.Caveats {
		cv = common.CleanLine(cv)
		k := strings.ToUpper(cv)
		if cv == "" || seen[k] {
			continue
		}
		seen[k] = true
		parts = append(parts, cv)
	}
	return strings.Join(parts, " · ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// banner is the full-width classification bar.
func banner(c *model.Cable, width int) string {
	t := common.Fit(bannerText(c), width-2)
	return theme.BannerStyle(c.Classification.Level).Width(width).Align(lipgloss.Center).Render(t)
}

// readableDate gives the UTC date-time and the date in words.
func readableDate(t time.Time) string {
	t = t.UTC()
	return t.Format("2006-01-02 15:04 UTC") + " (" + t.Format("Mon 2 Jan 2006") + ")"
}

// toLine is the first addressee and how many more there are.
func toLine(r *model.Routing) string {
	if r == nil {
		return ""
	}
	all := append(append([]model.Addressee(nil), r.To...), r.Info...)
	if len(all) == 0 {
		return ""
	}
	s := common.CleanLine(all[0].Name)
	if s == "" {
		s = common.CleanLine(all[0].RI)
	}
	if n := len(all) - 1; n > 0 {
		s += " +" + strconv.Itoa(n) + " more"
	}
	return s
}

// headerPane renders the header: banner, then one line per known field, a
// partial-record warning and a rule. width is the terminal width (the
// banner spans it); w is the text column width, indented by margin. In
// archive mode (links not nil) the references are marked as links.
func headerPane(c *model.Cable, st *theme.Styles, width, w int, margin string, links *refLinks) []string {
	var out []string
	out = append(out, banner(c, width))
	field := func(name, value string, maxLines int) {
		if value == "" {
			return
		}
		lines := common.WrapPlain(value, w-fieldW)
		if len(lines) > maxLines {
			lines = lines[:maxLines]
			lines[maxLines-1] = common.Fit(lines[maxLines-1]+" …", w-fieldW)
		}
		for i, l := range lines {
			n := ""
			if i == 0 {
				n = name
			}
			out = append(out, margin+st.Label.Render(common.PadRight(n, fieldW))+l)
		}
	}

	// id · precedence · section · date
	idl := []string{st.Heading.Render(common.OrDash(common.CleanLine(c.ID)))}
	if c.HasDate() {
		idl = append(idl, readableDate(c.Date))
	} else {
		idl = append(idl, st.Dim.Render("no date-time group"))
	}
	if c.Precedence != "" {
		idl = append(idl, common.CleanLine(string(c.Precedence)))
	}
	if c.Section.Total > 1 {
		idl = append(idl, "section "+strconv.Itoa(c.Section.Number)+" of "+strconv.Itoa(c.Section.Total))
	}
	out = append(out, margin+common.Fit(strings.Join(idl, st.Dim.Render(" · ")), w))

	from := common.CleanLine(c.Origin)
	if pla := common.CleanLine(glossary.PLA(c.Origin)); from != "" && pla != "" && addsWords(from, pla) {
		from += st.Dim.Render(" (" + pla + ")")
	}
	field("From", from, 1)
	field("To", toLine(c.Routing), 1)
	field("Subject", common.CleanLine(c.Header.Subject), 2)
	field("TAGS", tagsLine(c.Header.Tags), 1)
	if links != nil && len(c.Header.References) > 0 {
		for i, l := range refsField(c, links, st, w-fieldW) {
			n := ""
			if i == 0 {
				n = "References"
			}
			out = append(out, margin+st.Label.Render(common.PadRight(n, fieldW))+l)
		}
	} else {
		field("References", refsLine(c.Header.References), 2)
	}
	if cl := classifiedLine(c); cl != "" {
		field("Classified", cl, 2)
	} else {
		field("E.O.", declassLine(c), 1)
	}
	if c.Partial {
		out = append(out, margin+st.Warning.Render(common.Fit("⚠ Partial record: only an extract of the cable survives.", w)))
	}
	out = append(out, noticeLines(c.Notices, st, margin, w)...)
	out = append(out, margin+st.Rule.Render(strings.Repeat("─", w)))
	return out
}

// maxNotices is how many parser notices the header shows; the rest are
// listed at the end of the text.
const maxNotices = 2

// noticeLines are the parser's notices, one warning line each, so that an
// oddity of the input (escape sequences, no text, a cut-off end) is the
// first thing a reader sees.
func noticeLines(notices []string, st *theme.Styles, margin string, w int) []string {
	var out []string
	for i, n := range notices {
		if i == maxNotices {
			more := fmt.Sprintf("⚠ and %d more notices, listed at the end of the text", len(notices)-i)
			out = append(out, margin+st.Warning.Render(common.Fit(more, w)))
			break
		}
		out = append(out, margin+st.Warning.Render(common.Fit("⚠ "+common.CleanLine(upperFirst(n)), w)))
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// compactHeader is the one-line header of short terminals.
func compactHeader(c *model.Cable, st *theme.Styles, width int) string {
	cls := levelText(c)
	if cls == "" {
		cls = "UNMARKED"
	}
	chip := theme.BannerStyle(c.Classification.Level).Render(" " + cls + " ")
	rest := " " + common.CleanLine(c.ID)
	if s := common.CleanLine(c.Header.Subject); s != "" {
		rest += " · " + s
	}
	if c.Partial || len(c.Notices) > 0 {
		rest = " ⚠" + rest
	}
	return common.Fit(chip+rest, width)
}

func tagsLine(tags []string) string {
	var codes, meanings []string
	for _, t := range tags {
		t = common.CleanLine(t)
		if t == "" {
			continue
		}
		codes = append(codes, t)
		if m := glossary.LookupTag(t).Meaning; m != "" {
			meanings = append(meanings, t+": "+common.CleanLine(m))
		}
	}
	s := strings.Join(codes, " ")
	if len(meanings) > 0 {
		s += " — " + strings.Join(meanings, "; ")
	}
	return s
}

func refsLine(refs []model.Reference) string {
	var parts []string
	for _, r := range refs {
		p := common.CleanLine(r.Text)
		if r.Label != "" {
			p = common.CleanLine(r.Label) + ". " + p
		}
		if r.ID != "" && !strings.Contains(p, r.ID) {
			p += " (" + common.CleanLine(r.ID) + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func classifiedLine(c *model.Cable) string {
	var parts []string
	cb := c.Header.ClassifiedBy
	if cb == nil {
		return ""
	}
	if a := common.CleanLine(cb.Authority); a != "" {
		parts = append(parts, "by "+a)
	}
	if len(cb.Reasons) > 0 {
		rs := make([]string, len(cb.Reasons))
		for i, r := range cb.Reasons {
			rs[i] = common.CleanLine(r)
		}
		parts = append(parts, "reasons "+strings.Join(rs, ", "))
	}
	if len(parts) == 0 {
		parts = append(parts, common.CleanLine(cb.Text))
	}
	if d := declassLine(c); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, " · ")
}

// declassLine is the E.O. line's declassification date (or its words).
func declassLine(c *model.Cable) string {
	eo := c.Header.EO
	if eo == nil {
		return ""
	}
	if d := eo.Declassify; d != "" && !strings.ContainsAny(d, " ;,") {
		return "declassify " + common.CleanLine(d) // a date or a code (OADR, X1)
	}
	return common.CleanLine(eo.Text) // words, such as "AS AMENDED; DECLASSIFIED …": as written
}
