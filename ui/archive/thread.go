package archive

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cablereader/catalog"
	"cablereader/thread"
	"cablereader/ui/common"
)

// The thread view (T in a cable): the open cable at the centre, above it
// what it cites, followed back through the archive, below it what cites
// it, followed forward, each side a tree (package thread draws a cable
// met twice once, the other rows pointing to it). t turns it into the
// story's timeline: the same cables by date, with a histogram over time.
// enter opens a cable, and back in the reader comes back here. The thread
// is asked of the Source in a command; Update only lays out its rows.

// Threader is what a Source may also do: follow a cable's references
// (main answers from the archive's search index), with the reference as
// written for each cable the archive does not hold.
type Threader interface {
	Thread(ctx context.Context, id string, depth int) (*thread.Thread, error)
}

// threadView is the thread screen's state.
type threadView struct {
	on       bool
	busy     bool
	seq      int
	id       string // the centre
	err      string
	th       *thread.Thread
	timeline bool
	cursor   int // index into rows()
	offset   int
	classW   int // the classification column, as wide as its widest code
}

// threadMsg is a thread followed by threadCmd.
type threadMsg struct {
	seq int
	th  *thread.Thread
	err error
}

// threadHelp is the help bar of the thread view.
var threadHelp = []key.Binding{
	key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose")),
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("⏎", "open")),
	key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timeline / tree")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the cable")),
	key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
}

// openThread follows the open cable's references.
func (a *Archive) openThread() tea.Cmd {
	t, ok := a.src.(Threader)
	switch {
	case !ok:
		a.say("no search index for this archive: the thread comes from it (see cablereader index)")
		return nil
	case !a.searchReady():
		a.say("the search index is being built; the thread comes from it when it is ready")
		return nil
	case a.cur.ID == "":
		a.say("this cable has no id to follow")
		return nil
	}
	a.tv.seq++
	a.tv = threadView{on: true, busy: true, seq: a.tv.seq, id: a.cur.ID}
	seq, id := a.tv.seq, a.cur.ID
	return common.Guard("following the references of "+id, func() tea.Msg {
		th, err := t.Thread(context.Background(), id, thread.DefaultDepth)
		return threadMsg{seq: seq, th: th, err: err}
	})
}

// threadLoaded takes a thread followed, unless another was asked for.
func (a *Archive) threadLoaded(msg threadMsg) {
	if !a.tv.on || msg.seq != a.tv.seq {
		return
	}
	a.tv.busy = false
	if msg.err != nil {
		a.tv.err = msg.err.Error()
		return
	}
	a.tv.th = msg.th
	a.tv.cursor = len(msg.th.Back) // the centre, in the middle of the screen
	a.tv.offset = max(0, a.tv.cursor-a.threadH()/2)
}

// rows are the rows shown: the tree, or the timeline.
func (tv *threadView) rows() []thread.Row {
	if tv.th == nil {
		return nil
	}
	if tv.timeline {
		return tv.th.Timeline()
	}
	return tv.th.Rows()
}

// threadKey handles a key in the thread view.
func (a *Archive) threadKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	tv := &a.tv
	rows := tv.rows()
	switch {
	case msg.String() == "q":
		a.quitting = true
		if a.reader != nil {
			_, cmd := a.reader.Update(msg) // the reader keeps its place
			return cmd
		}
		return common.SaveAndQuit(a.opt.State)
	case key.Matches(msg, k.Clear), msg.String() == "backspace", msg.String() == "T", msg.String() == "left":
		a.tv = threadView{seq: tv.seq}
	case key.Matches(msg, k.Down):
		tv.cursor = min(tv.cursor+1, len(rows)-1)
	case key.Matches(msg, k.Up):
		tv.cursor = max(tv.cursor-1, 0)
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		tv.cursor = min(tv.cursor+max(1, a.threadH()/2), len(rows)-1)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		tv.cursor = max(tv.cursor-max(1, a.threadH()/2), 0)
	case key.Matches(msg, k.Top):
		tv.cursor = 0
	case key.Matches(msg, k.Bottom):
		tv.cursor = len(rows) - 1
	case msg.String() == "t":
		if len(rows) > 0 {
			id := rows[tv.cursor].ID
			tv.timeline = !tv.timeline
			tv.cursor, tv.offset = 0, 0
			for i, r := range tv.rows() {
				if r.ID == id {
					tv.cursor = i
					break
				}
			}
		}
	case key.Matches(msg, k.Open), msg.String() == "o", msg.String() == "right":
		if tv.cursor < len(rows) {
			return a.threadOpen(rows[tv.cursor])
		}
	}
	tv.cursor = max(0, tv.cursor)
	return nil
}

// threadOpen opens a row's cable; back in the reader returns to the
// thread as it was. A row that points to another goes there.
func (a *Archive) threadOpen(r thread.Row) tea.Cmd {
	tv := &a.tv
	switch {
	case r.Dir == thread.Centre:
		a.tv = threadView{seq: tv.seq}
		return nil
	case r.Again:
		for i, o := range tv.rows() {
			if o.ID == r.ID && !o.Again {
				tv.cursor = i
				return nil
			}
		}
		return nil
	case !r.Held:
		a.msg = common.CleanLine(r.ID) + " is not in the archive"
		return nil
	}
	e, ok := a.src.Lookup(r.ID)
	if !ok {
		a.msg = common.CleanLine(r.ID) + " is not in the archive"
		return nil
	}
	if a.load.active {
		a.say("still opening " + common.OrDash(a.load.entry.ID) + "…")
		return nil
	}
	saved := *tv
	h := a.push()
	h.back[len(h.back)-1].thread = &saved
	return a.open(e, h, nil)
}

// threadH is the rows the thread view shows.
func (a *Archive) threadH() int { return max(1, a.height-4) }

// renderThread draws the thread view into a.out.frame.
func (a *Archive) renderThread() {
	if a.width == 0 || a.tooSmall {
		return
	}
	st := a.styles
	tv := &a.tv
	w := a.width - 2
	id := common.CleanLine(tv.id)
	title := "thread of " + id
	if tv.timeline {
		title = "timeline of " + id
	}
	hops := ""
	if tv.th != nil {
		hops = fmt.Sprintf(", %d hops each way", tv.th.Depth)
	}
	right := ""
	var head []string
	rows := tv.rows()
	switch {
	case tv.busy:
		head = append(head, st.P.Dim.Wrap(common.Fit("following the references…", w)))
	case tv.err != "":
		head = append(head, st.P.Warning.Wrap(common.Fit("could not follow the references: "+common.CleanLine(tv.err), w)))
	default:
		held, absent, seen := 0, 0, map[string]bool{}
		for _, r := range rows {
			switch {
			case r.Again || seen[r.ID]:
				continue
			case r.Held:
				held++
			default:
				absent++
			}
			seen[r.ID] = true
		}
		right = plural(held, "cable") + " in the archive"
		if absent > 0 {
			right += fmt.Sprintf(" · %d not", absent)
		}
		if tv.timeline {
			if hist := histogram(a.threadCounts(rows), w); hist != "" {
				head = append(head, hist)
			}
		}
	}
	if len("cablereader · "+title+hops)+common.Width(right)+1 <= a.width {
		title += hops // else left out, before the title is cut
	}
	top := st.Heading.Render("cablereader") + st.P.Dim.Wrap(" · "+title)
	a.out.top = common.PadRight(common.Fit(top, a.width-common.Width(right)-1), a.width-common.Width(right)) + right
	if common.Width(right)+1 >= a.width {
		a.out.top = common.Fit(top, a.width)
	}
	a.out.lines = a.out.lines[:0]
	for _, l := range head {
		a.out.lines = append(a.out.lines, "  "+l)
	}
	h := a.height - 2 - len(head)
	if tv.cursor < tv.offset {
		tv.offset = tv.cursor
	} else if tv.cursor >= tv.offset+h {
		tv.offset = tv.cursor - h + 1
	}
	var idW int
	tv.classW = 1
	for _, r := range rows {
		idW = max(idW, common.Width(common.CleanLine(r.ID)))
		if r.Held {
			tv.classW = max(tv.classW, common.Width(common.CleanLine(classCode(r.Cable.Classification))))
		}
	}
	for i := tv.offset; i < len(rows) && len(a.out.lines) < a.height-2; i++ {
		a.out.lines = append(a.out.lines, a.threadRow(rows[i], i == tv.cursor, idW, w))
	}
	for len(a.out.lines) < a.height-2 {
		a.out.lines = append(a.out.lines, "")
	}
	a.out.under = common.Fit(a.help.ShortHelpView(threadHelp), a.width)
	if a.msg != "" {
		a.out.under = common.Fit(st.P.Warning.Wrap(a.msg), a.width)
	}
	a.assemble()
}

// threadCounts counts the rows by year, or by month when they span two
// years or less, as the search results' histogram does.
func (a *Archive) threadCounts(rows []thread.Row) []Count {
	years := map[string]bool{}
	for _, r := range rows {
		if len(r.Cable.Date) >= 4 {
			years[r.Cable.Date[:4]] = true
		}
	}
	n := 4
	if len(years) <= 2 {
		n = 7
	}
	var out []Count
	for _, r := range rows {
		if len(r.Cable.Date) < n {
			continue
		}
		k := r.Cable.Date[:n]
		if len(out) > 0 && out[len(out)-1].Key == k {
			out[len(out)-1].N++
		} else {
			out = append(out, Count{k, 1})
		}
	}
	return out
}

// threadRow draws one row for w cells after a gutter of two: the tree's
// indent and REF label (the timeline's distance instead), date, id,
// classification, post and subject.
func (a *Archive) threadRow(r thread.Row, sel bool, idW, w int) string {
	st := a.styles
	var lead string
	if a.tv.timeline {
		switch r.Dir {
		case thread.Back:
			lead = fmt.Sprintf("↑%d ", r.Distance)
		case thread.Forward:
			lead = fmt.Sprintf("↓%d ", r.Distance)
		default:
			lead = "●  "
		}
	} else {
		label := r.Label
		if label == "" && r.Dir != thread.Centre {
			label = "·"
		}
		switch r.Dir {
		case thread.Back:
			lead = strings.Repeat("  ", r.Distance-1) + "↑ " + common.PadRight(common.Fit(common.CleanLine(label), 2), 2) + " "
		case thread.Forward:
			lead = strings.Repeat("  ", r.Distance-1) + "↓ " + common.PadRight(common.Fit(common.CleanLine(label), 2), 2) + " "
		default:
			lead = "● "
		}
	}
	id := common.PadRight(common.CleanLine(r.ID), idW)
	var body, styled string
	dim := false
	switch {
	case r.Again:
		where := "see below"
		if r.Above {
			where = "see above"
		}
		body = id + "  (" + where + ")"
		dim = true
	case !r.Held:
		body = id + "  not in the archive"
		if t := common.CleanLine(r.Text); t != "" {
			body += " · " + t
		}
		dim = true
	default:
		date := r.Cable.Date
		if date == "" {
			date = "undated   "
		}
		e := catalog.Record{ID: r.Cable.ID, Origin: r.Cable.Origin}
		if got, ok := a.src.Lookup(r.ID); ok {
			e = got
		}
		class := cell(common.CleanLine(classCode(r.Cable.Classification)), a.tv.classW)
		rest := "  " + common.CleanLine(placeName(&e)) + "  " + common.CleanLine(r.Cable.Subject)
		body = date + "  " + id + "  " + class + rest
		styled = date + "  " + id + "  " + a.chips[levelOf(r.Cable.Classification)].Wrap(class) + rest
	}
	line := common.Fit(lead+body, w)
	switch {
	case !sel && !dim && styled != "" && r.Dir != thread.Centre:
		return "  " + common.Fit(lead+styled, w)
	case sel:
		return st.P.Gutter.Wrap("▌") + " " + st.P.SelRow.Wrap(common.PadRight(line, w))
	case dim:
		return "  " + st.P.Dim.Wrap(line)
	case r.Dir == thread.Centre:
		return "  " + st.Heading.Render(line)
	}
	return "  " + line
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// CitedCounter is what a Source may also do: count the cables of the
// archive citing each id (main asks the search index's refs table).
type CitedCounter interface {
	CitedByCounts(ctx context.Context) (map[string]int, error)
}

// citedMsg is the count of citing cables of each id cited, by id in
// upper case.
type citedMsg map[string]int

// countCited asks the counts in a command, once the index is ready (a
// pass over its refs table: a few tens of milliseconds at 251,287
// cables); the list shows them in a column when they come.
func (a *Archive) countCited() tea.Cmd {
	c, ok := a.src.(CitedCounter)
	if !ok || !a.searchReady() {
		return nil
	}
	return common.Guard("counting the citations", func() tea.Msg {
		n, err := c.CitedByCounts(context.Background())
		if err != nil {
			return nil
		}
		return citedMsg(n)
	})
}

// citedCell is the Cited column of a row: how many cables of the archive
// cite it, right-aligned, blank for none.
func (a *Archive) citedCell(id string, w int) string {
	n := a.cited[strings.ToUpper(id)]
	if n == 0 {
		return spaces(w)
	}
	s := strconv.Itoa(n)
	if len(s) > w {
		s = "many"
	}
	return spaces(w-len(s)) + s
}
