package ui

import (
	tea "charm.land/bubbletea/v2"

	"cablereader/corpus"
	"cablereader/model"
)

// Loading cables: open asks for a cable, a command loads and parses it off
// the Update goroutine, and loaded opens it in a new reader, unless
// another load was asked for since.

// loadReq is the cable being loaded: the history to have once it is open,
// and where to open it (nil: at the top).
type loadReq struct {
	seq    int
	active bool
	entry  corpus.Entry
	hist   []histFrame
	pos    *readerPos
	from   string // the id of the cable left, for the status line
}

// loadedMsg is a cable loaded (or not) by loadCmd.
type loadedMsg struct {
	seq   int
	entry corpus.Entry
	cable *model.Cable
	err   error
}

// open starts loading e; once it is open the history is hist, and the
// reader stands at pos (nil: the top).
func (a *Archive) open(e corpus.Entry, hist []histFrame, pos *readerPos) tea.Cmd {
	a.seq++
	from := ""
	if a.reader != nil && a.screen == screenReader {
		from = a.cur.ID
	}
	a.load = loadReq{seq: a.seq, active: true, entry: e, hist: hist, pos: pos, from: from}
	a.say("opening " + orDash(e.ID) + "…")
	return loadCmd(a.src, a.seq, e)
}

func loadCmd(src Source, seq int, e corpus.Entry) tea.Cmd {
	return guard("opening "+orDash(e.ID), func() tea.Msg {
		c, err := src.Open(e)
		return loadedMsg{seq: seq, entry: e, cable: c, err: err}
	})
}

// loaded opens a loaded cable in a new reader, unless another load was
// asked for since.
func (a *Archive) loaded(msg loadedMsg) {
	if !a.load.active || msg.seq != a.load.seq {
		return
	}
	req := a.load
	a.load = loadReq{}
	if msg.err != nil {
		a.say("could not open " + orDash(msg.entry.ID) + ": " + msg.err.Error())
		return
	}
	r := New(msg.cable, Options{Theme: themeName(a.isDark), Mouse: a.opt.Mouse})
	r.themeFixed = a.themeFixed
	r.enableArchive(msg.entry.ID, a.present)
	r.Update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	if req.pos != nil {
		r.restorePosition(*req.pos)
	}
	a.reader, a.cur, a.history, a.screen = r, msg.entry, req.hist, screenReader
	a.msg = ""
	switch {
	case req.pos != nil:
		r.msg = "back at " + orDash(cleanLine(msg.entry.ID))
	case req.from != "":
		r.msg = "⌫ goes back to " + cleanLine(req.from)
		if s := r.linksSummary(); s != "" {
			r.msg += " · " + s
		}
	default:
		r.msg = r.linksSummary()
	}
	r.refresh()
}

func themeName(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}
