package reader

import (
	"bytes"
	"encoding/base64"
	"io"
	"regexp"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The exact citation of the sample's ¶5, as y copies it.
const cite5 = `09TOKYO2531 ¶5 (C): "Commenting on the current state of the Thai community in Japan, Rapipongs said the total number of Thais in Japan is about 40,000. Of these, based on Japanese Immigration Bureau figures, about 6-7,000 are illegal overstayers. Rapipongs added that efforts by Japan to decrease the number of illegal residents in Japan has also affected the Thai community. A few years ago, the Royal Thai Embassy issued about 100 temporary passports to Thai nationals a month. These temporary passports allow Thai nationals who either lost their passport, or entered the country illegally, to make a one-way return trip to Thailand. Now he said the embassy was only issuing about 60 temporary passports a month. (NOTE: By comparison, with about 800,000 visitors a year and about 160,000 citizens resident in Japan, the U.S. deals with only about 300 lost or stolen passport cases annually. END NOTE) "Even now though," Rapipongs added, "everyday our Consular Officers notice a few individuals who we believe entered Japan either by being smuggled on a fishing boat, or by entering from Korea with a fake passport from another country." He said it is difficult to estimate the number of these types of entrants, but that it is a significant, if small percentage of the total."`

const refLine = `09TOKYO2531 · 2009-11-02 · AMEMBASSY TOKYO · "THAILAND AND JAPAN TO INK SOP ON TIP" · CONFIDENTIAL`

var osc52 = regexp.MustCompile("\x1b\\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\\\)")

// y and Y put the citation and the reference line on the terminal's
// clipboard: the program writes OSC 52 with the text, and says so.
func TestCopyCitation(t *testing.T) {
	tm := newTestProgram(t, sample, 100, 40)
	var seen bytes.Buffer
	wait := func(what string, copies int) {
		t.Helper()
		n := 0 // WaitFor hands over all it has read so far: keep the new part
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			seen.Write(b[n:])
			n = len(b)
			return bytes.Contains(seen.Bytes(), []byte(what)) && len(osc52.FindAll(seen.Bytes(), -1)) == copies
		}, teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("? keys", 0)
	for range 4 {
		tm.Send(keyMsg("]"))
	}
	tm.Send(keyMsg("y"))
	wait("citation of ¶5", 1) // the confirmation
	tm.Send(keyMsg("Y"))
	wait("reference line", 2)
	tm.Send(keyMsg("q"))
	rest, err := io.ReadAll(tm.FinalOutput(t, teatest.WithFinalTimeout(3*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	out := append(seen.Bytes(), rest...)
	var got []string
	for _, m := range osc52.FindAllSubmatch(out, -1) {
		b, err := base64.StdEncoding.DecodeString(string(m[1]))
		if err != nil {
			t.Fatalf("OSC 52 payload %q: %v", m[1], err)
		}
		got = append(got, string(b))
	}
	if len(got) != 2 || got[0] != cite5 || got[1] != refLine {
		t.Errorf("clipboard writes:\n%q\nwant\n%q\n%q", got, cite5, refLine)
	}
}
