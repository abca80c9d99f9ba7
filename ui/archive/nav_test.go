package archive

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cablereader/ui/common"
)

// The list and the reader move with the same keys (common.MotionKeys):
// f pages down in both, and both key pages say so.
func TestListMotionKeysAreTheReaders(t *testing.T) {
	_, _, ix := sharedFolder(t)
	a := openArchive(t, ix, 100, 30)
	for _, k := range []string{"f", "space", "pgdown"} {
		keys(t, a, "g", k)
		if a.list.cursor != a.list.height-1 {
			t.Errorf("%s in the list: cursor %d, want %d", k, a.list.cursor, a.list.height-1)
		}
	}
	keys(t, a, "?")
	if s := archText(a); !strings.Contains(s, "pgdn/space/f") {
		t.Errorf("the list's keys page does not list f:\n%s", s)
	}
	keys(t, a, "esc", "enter", "?")
	if s := archText(a); a.screen != screenReader || !strings.Contains(s, "pgdn/space/f") {
		t.Errorf("the reader's keys page does not list f:\n%s", s)
	}
}

// Messages the reader must see reach it while it is open: a background
// colour turns its theme, a wheel scrolls it. (Update returns whatever
// command the reader gives for them.)
func TestArchiveHandsReaderBackgroundAndWheel(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	a := newArchive(parsed{ix}, common.Options{Theme: "auto"})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	send(t, a, tea.BackgroundColorMsg{Color: color.Black})
	selectID(t, a, fx.src)
	keys(t, a, "enter")
	if a.reader == nil {
		t.Fatal("no cable open")
	}
	before := a.reader.Position()
	send(t, a, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if a.reader.Position() == before {
		t.Error("the wheel did not scroll the reader")
	}
	dark := a.View().Content
	send(t, a, tea.BackgroundColorMsg{Color: color.White})
	if a.isDark || a.View().Content == dark || !strings.Contains(dark, "\x1b[") {
		t.Error("a light background did not reach the reader")
	}
}

// Forward goes again where back came from: in the reader, and from the
// list to the cable back left; opening another cable drops what was ahead.
func TestArchiveForward(t *testing.T) {
	fx, _, ix := sharedFolder(t)
	src, dst := fx.byID[fx.src], fx.byID[fx.dst]
	a := openArchive(t, ix, 100, 40)
	selectID(t, a, src.id)
	keys(t, a, "enter", "o")
	if a.cur.ID != dst.id {
		t.Fatalf("o opened %s", a.cur.ID)
	}
	keys(t, a, "ctrl+d")
	at := a.reader.Position()
	keys(t, a, "backspace")
	if a.cur.ID != src.id {
		t.Fatalf("back: on %s", a.cur.ID)
	}
	keys(t, a, ">")
	if a.cur.ID != dst.id || a.reader.Position() != at {
		t.Fatalf("forward: on %s at %+v, want %s at %+v", a.cur.ID, a.reader.Position(), dst.id, at)
	}
	if !strings.Contains(lastLine(archText(a)), "forward at "+dst.id) {
		t.Errorf("status after forward: %q", lastLine(archText(a)))
	}
	keys(t, a, "ctrl+o", "ctrl+o")
	if a.screen != screenList {
		t.Fatal("two backs did not reach the list")
	}
	keys(t, a, "alt+right")
	if a.screen != screenReader || a.cur.ID != src.id {
		t.Fatalf("forward from the list: screen %v on %s", a.screen, a.cur.ID)
	}
	keys(t, a, ">")
	if a.cur.ID != dst.id {
		t.Fatalf("forward again: on %s", a.cur.ID)
	}
	keys(t, a, ">")
	if a.cur.ID != dst.id || !strings.Contains(lastLine(archText(a)), "nothing to go forward to") {
		t.Errorf("forward at the end: on %s, %q", a.cur.ID, lastLine(archText(a)))
	}
	// a new way in drops the cables ahead
	keys(t, a, "backspace", "o", ">")
	if len(a.nav.fwd) != 0 || !strings.Contains(lastLine(archText(a)), "nothing to go forward to") {
		t.Errorf("after following a reference: %d ahead, %q", len(a.nav.fwd), lastLine(archText(a)))
	}
	keys(t, a, "?")
	if s := archText(a); !strings.Contains(s, ">/alt+→") || !strings.Contains(s, "forward again") {
		t.Errorf("forward is not in the reader's keys:\n%s", s)
	}
}
