package reader

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cablereader/model"
	"cablereader/ui/common"
)

// pageText is every line of the open page, collected by scrolling it from
// top to bottom with j, as the screen shows them.
func pageText(t *testing.T, m *Model) []string {
	t.Helper()
	press(m, "g")
	var all []string
	for range 500 {
		lines := strings.Split(bodyText(m), "\n")
		if len(all) == 0 {
			all = append(all, lines...)
		} else {
			all = append(all, lines[len(lines)-1])
		}
		if strings.HasSuffix(footerText(m), "end") || strings.HasSuffix(footerText(m), "all") {
			return all
		}
		press(m, "j")
	}
	t.Fatal("the page never reached its end")
	return nil
}

// fields is the words of a line.
func fields(l string) string { return strings.Join(strings.Fields(l), " ") }

func TestTagsPageSample(t *testing.T) {
	m := openModel(loadCable(t, sample), 100, 40)
	cur, off := m.cur, m.offset
	press(m, "t")
	body := bodyText(m)
	if !strings.Contains(body, "TAGS glossary") || strings.Contains(body, "¶1") {
		t.Fatalf("t did not open the TAGS page:\n%s", screen(m))
	}
	for _, want := range []string{
		"TAG KIND MEANING",
		"KTIP program Trafficking in Persons (unverified)",
		"PGOV subject Internal Governmental Affairs",
		"PHUM subject Human Rights",
		"ELAB subject Labor Sector Affairs",
		"JA geographic Japan",
		"TH geographic Thailand",
		"SIPDIS SIPRNet distribution",
		"(C) confidential",
	} {
		if !containsLine(body, want) {
			t.Errorf("TAGS page lacks %q:\n%s", want, body)
		}
	}
	if l := fields(lineWith(body, "PGOV")); strings.Contains(l, "unverified") {
		t.Errorf("PGOV is marked unverified: %q", l)
	}
	// "(unverified)" is painted dim, apart from the meaning
	raw := m.View().Content
	if !strings.Contains(raw, m.styles.P.Dim.Wrap(" (unverified)")) {
		t.Error("(unverified) not painted dim")
	}
	if f := footerText(m); !strings.Contains(f, "esc close") || !strings.HasSuffix(f, "all") {
		t.Errorf("page footer = %q", f)
	}

	press(m, "esc")
	if strings.Contains(screen(m), "TAGS glossary") || !labelOnScreen(m, 1) {
		t.Fatalf("esc did not close the TAGS page:\n%s", screen(m))
	}
	if m.cur != cur || m.offset != off {
		t.Errorf("the page moved the text: cur %d→%d offset %d→%d", cur, m.cur, off, m.offset)
	}
	press(m, "t", "t")
	if m.ov.Is(overlayTags) || !labelOnScreen(m, 1) {
		t.Error("a second t did not close the TAGS page")
	}
}

// containsLine reports whether some line of s holds want once spaces are
// collapsed.
func containsLine(s, want string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(fields(l), want) {
			return true
		}
	}
	return false
}

// A code the glossary does not know is shown as it is, with no meaning;
// so is a known kind without a meaning (the regional XF, XM).
func TestTagsPageUnknownCodes(t *testing.T) {
	m := openModel(loadCable(t, "08PARIS957"), 100, 40)
	press(m, "t")
	if len(m.ov.Page.Lines) <= m.bodyH {
		t.Fatalf("08PARIS957's TAGS page fits the screen (%d lines); the scroll test proves nothing", len(m.ov.Page.Lines))
	}
	all := strings.Join(pageText(t, m), "\n")
	for _, want := range []string{
		"PGOF unknown no meaning on record",
		"FINR unknown no meaning on record",
		"ECON subject Economic Conditions",
		"YI geographic no meaning on record",
		"(S/NF) secret, not releasable to foreign nationals (NOFORN)",
	} {
		if !containsLine(all, want) {
			t.Errorf("TAGS page lacks %q:\n%s", want, all)
		}
	}
	// the page scrolled, the text under it did not
	if m.offset != 0 || m.ov.Page.Offset == 0 {
		t.Errorf("offsets: text %d, page %d", m.offset, m.ov.Page.Offset)
	}
	press(m, "g")
	if m.ov.Page.Offset != 0 || !strings.HasSuffix(footerText(m), "top") {
		t.Errorf("g on the page: offset %d, footer %q", m.ov.Page.Offset, footerText(m))
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.ov.Page.Offset != common.WheelLines || m.offset != 0 {
		t.Errorf("wheel on the page: page %d, text %d", m.ov.Page.Offset, m.offset)
	}

	s := openModel(loadCable(t, "09SAOPAULO487"), 100, 40)
	press(s, "t")
	all = strings.Join(pageText(t, s), "\n")
	for _, want := range []string{"XM geographic no meaning on record", "XF geographic no meaning on record", "BR geographic Brazil"} {
		if !containsLine(all, want) {
			t.Errorf("09SAOPAULO487 TAGS page lacks %q:\n%s", want, all)
		}
	}
}

// At the smallest sizes the page stacks each code over its meaning, every
// line fits, and scrolling reaches every code.
func TestTagsPageNarrow(t *testing.T) {
	c := loadCable(t, sample)
	for _, sz := range [][2]int{{common.MinWidth, common.MinHeight}, {30, 8}, {40, 12}} {
		m := openModel(c, sz[0], sz[1])
		press(m, "t")
		var seen []string
		press(m, "g")
		for range 200 {
			lines := strings.Split(m.View().Content, "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%v: %d lines", sz, len(lines))
			}
			for _, l := range lines {
				if w := stringWidth(l); w > sz[0] {
					t.Fatalf("%v: line %d cells wide: %q", sz, w, stripAll(l))
				}
			}
			seen = append(seen, bodyText(m))
			if strings.HasSuffix(footerText(m), "end") {
				break
			}
			press(m, "j")
		}
		all := strings.Join(seen, "\n")
		for _, want := range []string{"KTIP", "program", "Trafficking", "JA", "Japan", "TH", "Thailand", "(unverified)"} {
			if !strings.Contains(all, want) {
				t.Errorf("%v: %q never on the page:\n%s", sz, want, all)
			}
		}
		press(m, "esc")
		if m.ov.Is(overlayTags) {
			t.Errorf("%v: esc did not close", sz)
		}
	}
}

func TestTagsPageKeys(t *testing.T) {
	c := loadCable(t, sample)
	// q quits from the page, as it does from the keys page
	m := openModel(c, 100, 40)
	press(m, "t")
	if cmd := press(m, "q"); cmd == nil {
		t.Fatal("q on the TAGS page did nothing")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q on the TAGS page did not quit")
	}
	// ? and t switch between the two pages
	m = openModel(c, 100, 40)
	press(m, "t", "?")
	if !m.ov.Is(overlayKeys) || m.ov.Is(overlayTags) || !strings.Contains(bodyText(m), "half page down") {
		t.Fatalf("? on the TAGS page: help %v tags %v", m.ov.Is(overlayKeys), m.ov.Is(overlayTags))
	}
	s := bodyText(m)
	for _, want := range []string{"TAGS glossary", "quit, from any page", "q quits"} {
		if !strings.Contains(s, want) {
			t.Errorf("full help lacks %q:\n%s", want, s)
		}
	}
	press(m, "t")
	if m.ov.Is(overlayKeys) || !m.ov.Is(overlayTags) {
		t.Fatalf("t on the keys page: help %v tags %v", m.ov.Is(overlayKeys), m.ov.Is(overlayTags))
	}
	press(m, "esc")
	if m.ov.Is(overlayKeys) || m.ov.Is(overlayTags) {
		t.Fatal("esc left a page open")
	}
	// the short help names t where it fits, and keeps ? and q where not
	if f := footerText(m); !strings.Contains(f, "t TAGS") {
		t.Errorf("100 columns: help bar lacks t: %q", f)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if f := footerText(m); strings.Contains(f, "TAGS") || !strings.Contains(f, "? keys") {
		t.Errorf("80 columns: help bar = %q", f)
	}
	// t does nothing in a prompt but type
	press(m, "/", "t")
	if m.ov.Is(overlayTags) || m.prompt.Value() != "t" {
		t.Errorf("t in the prompt: tags %v input %q", m.ov.Is(overlayTags), m.prompt.Value())
	}
}

func TestTagsPageEmptyCable(t *testing.T) {
	m := openModel(&model.Cable{}, 80, 24)
	press(m, "t")
	if s := bodyText(m); !strings.Contains(s, "No TAGS line") || strings.Contains(s, "Caveats") {
		t.Errorf("empty cable's TAGS page:\n%s", s)
	}
	press(m, "j", "G", "k", "esc")
	if m.ov.Is(overlayTags) {
		t.Error("esc did not close")
	}
}

// The page end to end, through the program loop.
func TestProgramTagsPage(t *testing.T) {
	tm := newTestProgram(t, "08PARIS957", 100, 30)
	waitFor(t, tm, "? keys")
	tm.Send(keyMsg("t"))
	waitFor(t, tm, "no meaning on record")
	tm.Send(keyMsg("G"))
	waitFor(t, tm, "Portion markings")
	tm.Send(keyMsg("esc"))
	waitFor(t, tm, "? keys")
	tm.Send(keyMsg("q"))
	if _, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(3*time.Second))); err != nil {
		t.Fatal(err)
	}
	fm, ok := tm.FinalModel(t).(*Model)
	if !ok || !fm.quitting || fm.ov.Is(overlayTags) {
		t.Errorf("final model: ok %v quitting %v tags %v", ok, fm != nil && fm.quitting, fm != nil && fm.ov.Is(overlayTags))
	}
}

// The banner shows each caveat once, whatever its case, and NOFORN as
// part of the level.
func TestBannerCaveats(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"07KUWAIT808", "SECRET//NOFORN · SIPDIS"}, // SIPDIS NOFORN SIPDIS Sipdis
		{"08STATE15220", "SECRET · Sipdis"},        // as found, once
		{"06NEWDELHI5135", "CONFIDENTIAL · SIPDIS"},
		{"05RIODEJANEIRO1242", "UNCLASSIFIED · SIPDIS · SENSITIVE"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			m := openModel(loadCable(t, tc.id), 100, 40)
			if got := strings.TrimSpace(stripAll(m.header[0])); got != tc.want {
				t.Errorf("banner = %q, want %q", got, tc.want)
			}
		})
	}
	// the one-line header of short terminals says NOFORN too
	m := openModel(loadCable(t, "07KUWAIT808"), 60, 10)
	if len(m.header) != 1 || !strings.HasPrefix(fields(stripAll(m.header[0])), "SECRET//NOFORN 07KUWAIT808") {
		t.Errorf("compact header = %q", stripAll(m.header[0]))
	}
	// NOFORN in the banner's own qualifiers is not doubled
	c := &model.Cable{
		Classification: model.Classification{Level: model.Secret, Qualifiers: []string{"NOFORN"}},
		Caveats:        []string{"noforn", "SIPDIS", "sipdis"},
	}
	if got := bannerText(c); got != "SECRET//NOFORN · SIPDIS" {
		t.Errorf("banner = %q", got)
	}
	// without a level NOFORN stays a caveat
	c = &model.Cable{Caveats: []string{"NOFORN", "SIPDIS"}}
	if got := bannerText(c); got != "CLASSIFICATION NOT MARKED · NOFORN · SIPDIS" {
		t.Errorf("banner = %q", got)
	}
}
