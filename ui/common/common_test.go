package common

import (
	"github.com/charmbracelet/x/ansi"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/ui/internal/uitest"
	"cablereader/ui/state"
)

func TestPageKeys(t *testing.T) {
	keys := NewMotionKeys("top", "bottom")
	var p Page
	for i := range 100 {
		p.Lines = append(p.Lines, strconv.Itoa(i))
	}
	const h = 20
	for _, step := range []struct {
		key  string
		want int
	}{
		{"j", 1}, {"space", 20}, {"ctrl+d", 30}, {"k", 29}, {"b", 10}, {"ctrl+u", 0}, {"ctrl+u", 0},
		{"G", 80}, {"space", 80}, {"g", 0}, {"f", 19}, {"pgdown", 38}, {"pgup", 19}, {"end", 80}, {"home", 0},
	} {
		if !p.Key(uitest.Key(step.key), keys, h) {
			t.Fatalf("%s is not a page key", step.key)
		}
		p.Clamp(h)
		if p.Offset != step.want {
			t.Fatalf("after %s: offset %d, want %d", step.key, p.Offset, step.want)
		}
	}
	if p.Key(uitest.Key("x"), keys, h) {
		t.Error("x scrolled the page")
	}
	p.Offset = 95
	if w := p.Window(h); len(w) != h || w[0] != "80" {
		t.Errorf("window from 95: %d lines from %q", len(w), w[0])
	}
	short := Page{Lines: []string{"a", "b"}, Offset: 5}
	if w := short.Window(h); len(w) != 2 || short.Offset != 0 {
		t.Errorf("short page: %v, offset %d", w, short.Offset)
	}
}

func TestPrompt(t *testing.T) {
	p := NewPrompt("")
	for _, step := range []struct {
		key  string
		want PromptEdit
		val  string
	}{
		{"a", PromptChanged, "a"}, {"é", PromptChanged, "aé"}, {"backspace", PromptChanged, "a"},
		{"enter", PromptNone, "a"}, {"up", PromptNone, "a"}, {"b", PromptChanged, "ab"},
		{"left", PromptSame, "ab"}, {"x", PromptChanged, "axb"}, {"home", PromptSame, "axb"},
		{"delete", PromptChanged, "xb"}, {"end", PromptSame, "xb"},
		{"ctrl+u", PromptChanged, ""}, {"backspace", PromptClosed, ""},
	} {
		if got := p.Edit(uitest.Key(step.key)); got != step.want || p.Value() != step.val {
			t.Fatalf("%s: %v %q, want %v %q", step.key, got, p.Value(), step.want, step.val)
		}
	}
	if got := p.Edit(tea.PasteMsg{Content: "a\tb\x1b[31m\nc"}); got != PromptChanged || p.Value() != "a b[31m c" {
		t.Errorf("paste: %v %q", got, p.Value())
	}
	var closed Prompt
	if got := closed.Edit(uitest.Key("a")); got != PromptNone || closed.Value() != "" {
		t.Errorf("a closed prompt took a key: %v %q", got, closed.Value())
	}
	long := NewPrompt("")
	for range MaxInput + 10 {
		long.Edit(tea.KeyPressMsg{Code: 'x', Text: "x"})
	}
	if len(long.Value()) != MaxInput {
		t.Errorf("prompt took %d bytes", len(long.Value()))
	}
}

// A value longer than the prompt's cells shows the part around the
// cursor, which moves with it.
func TestPromptScrolls(t *testing.T) {
	p := NewPrompt("")
	p.View(20)
	p.Edit(tea.PasteMsg{Content: "0123456789abcdefghijklmnopqrstuvwxyz"})
	if got := ansi.Strip(p.View(20)); Width(got) > 20 || !strings.HasPrefix(got, "hijklmnopqrstuvwxyz") {
		t.Errorf("at the end: %q", got)
	}
	p.Edit(uitest.Key("home"))
	if got := ansi.Strip(p.View(20)); Width(got) > 20 || !strings.HasPrefix(got, "0123456789abcdefghi") {
		t.Errorf("at the start: %q", got)
	}
}

// A marks page line: id and paragraph in their columns, the first words
// after them, cut to the width, control bytes made harmless.
func TestMarkLine(t *testing.T) {
	mk := state.Mark{ID: "09TOKYO2531", Name: "¶5", Words: "Commenting on the\x1b[31m current state"}
	if got, want := MarkLine(mk, 80), "09TOKYO2531          ¶5         Commenting on the␛[31m current state"; got != want {
		t.Errorf("MarkLine = %q\nwant       %q", got, want)
	}
	if got := MarkLine(mk, 40); Width(got) > 40 || !strings.HasSuffix(got, "…") {
		t.Errorf("cut to 40: %q (%d cells)", got, Width(got))
	}
}
