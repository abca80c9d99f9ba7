package archive

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/model"
	"cablereader/ui/common"
	"cablereader/ui/reader"
)

// Loading cables: open asks for a cable, a command loads and parses it off
// the Update goroutine, and loaded opens it in a new reader, unless
// another load was asked for since.

// StationNamer is a Source that knows the names its cables give routing
// indicators (the pairs of their routing headers, model.Cable.Stations):
// the reader names with them the indicators its glossary does not know.
type StationNamer interface {
	StationName(ri string) (name string, ok bool)
}

// loadReq is the cable being loaded: the history to have once it is open,
// and where to open it (nil: at the top).
type loadReq struct {
	seq    int
	active bool
	entry  catalog.Record
	hist   navHistory
	pos    *reader.Pos
	from   string      // the id of the cable left, for the status line
	find   string      // what to look for in the cable once open
	thread *threadView // the thread view to show over it once open
	ahead  bool        // opened by forward: the status says so
}

// loadedMsg is a cable loaded (or not) by loadCmd.
type loadedMsg struct {
	seq    int
	entry  catalog.Record
	cable  *model.Cable
	cited  []string // the archive's cables that cite it
	copies int      // the copies of it the archive holds
	err    error
}

// open starts loading e; once it is open the history is hist, and the
// reader stands at pos (nil: the top).
func (a *Archive) open(e catalog.Record, hist navHistory, pos *reader.Pos) tea.Cmd {
	a.seq++
	from := ""
	if a.reader != nil && a.screen == screenReader {
		from = a.cur.ID
	}
	a.load = loadReq{seq: a.seq, active: true, entry: e, hist: hist, pos: pos, from: from}
	a.say("opening " + common.OrDash(e.ID) + "…")
	return loadCmd(a.src, a.seq, e)
}

// openFile starts loading a cable that is not in the archive from its
// file (a mark made in it when it was read on its own), as open does.
func (a *Archive) openFile(id, path string, hist navHistory) tea.Cmd {
	a.seq++
	from := ""
	if a.reader != nil && a.screen == screenReader {
		from = a.cur.ID
	}
	a.load = loadReq{seq: a.seq, active: true, hist: hist, from: from}
	id = common.OrDash(common.CleanLine(id))
	a.say("opening " + id + " from its file…")
	src, seq := a.src, a.seq
	return common.Guard("opening "+id, func() tea.Msg {
		e, c, err := src.OpenFile(path)
		if err != nil {
			return loadedMsg{seq: seq, entry: catalog.Record{ID: id}, err: fmt.Errorf("not in this archive, and its file cannot be read: %w", err)}
		}
		return loadedMsg{seq: seq, entry: e, cable: c, cited: citedBy(src, e.ID)}
	})
}

func loadCmd(src Source, seq int, e catalog.Record) tea.Cmd {
	return common.Guard("opening "+common.OrDash(e.ID), func() tea.Msg {
		c, err := src.Open(e)
		return loadedMsg{seq: seq, entry: e, cable: c, cited: citedBy(src, e.ID), copies: copiesOf(src, e.ID), err: err}
	})
}

// loaded opens a loaded cable in a new reader, unless another load was
// asked for since.
func (a *Archive) loaded(msg loadedMsg) tea.Cmd {
	if !a.load.active || msg.seq != a.load.seq {
		return nil
	}
	req := a.load
	a.load = loadReq{}
	if msg.err != nil {
		a.say("could not open " + common.OrDash(msg.entry.ID) + ": " + msg.err.Error())
		return nil
	}
	path := "" // a file a mark can be opened from later, alone
	if msg.entry.Kind() != catalog.KindCSVRow {
		path = absPath(msg.entry.Path())
	}
	r := reader.New(msg.cable, common.Options{Theme: a.opt.Theme, Mouse: a.opt.Mouse, Session: a.opt.Session, State: a.opt.State, Path: path})
	r.SetTheme(a.isDark, a.themeFixed)
	r.EnableLinks(msg.entry.ID, a.present)
	r.AddKeys(readerKeys.extra())
	if sn, ok := a.src.(StationNamer); ok {
		r.NameStations(sn.StationName)
	}
	r.SetCitedBy(msg.cited)
	r.Update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	if req.pos != nil {
		r.Restore(*req.pos)
	}
	a.reader, a.cur, a.nav, a.screen = r, msg.entry, req.hist, screenReader
	a.tv, a.dv = threadView{seq: a.tv.seq}, diffView{seq: a.dv.seq}
	if req.thread != nil {
		a.tv = *req.thread
	}
	a.msg = ""
	var status string
	switch {
	case req.pos != nil && req.ahead:
		status = "forward at " + common.OrDash(common.CleanLine(msg.entry.ID))
	case req.pos != nil:
		status = "back at " + common.OrDash(common.CleanLine(msg.entry.ID))
	case req.from != "":
		status = "⌫ goes back to " + common.CleanLine(req.from)
		if s := r.LinksSummary(); s != "" {
			status += " · " + s
		}
	default:
		status = r.LinksSummary()
	}
	if msg.copies > 1 { // first: the rest may be cut
		status = strings.TrimSuffix(strconv.Itoa(msg.copies)+" copies in the archive: V compares them · "+status, " · ")
	}
	r.SetStatus(status)
	if req.find != "" {
		return r.Find(req.find)
	}
	return nil
}

// absPath is p made absolute, or p when it cannot be.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
