package parser

import (
	"strings"

	"cablereader/model"
)

// routingState tracks which multi-line element a header line continues.
type routingState int

const (
	inNothing routingState = iota
	inIndicators
	inTo
	inInfo
	inDistribution
)

// isHeaderLine reports whether a line can belong to a transmission header.
// It decides where the header of a cable with no banner ends.
func isHeaderLine(s string, st routingState) bool {
	switch {
	case strings.TrimSpace(s) == "",
		fl1.MatchString(s), fl2.MatchString(s), fl3.MatchString(s), fl4.MatchString(s),
		fl5.MatchString(s), fm.MatchString(s), to.MatchString(s), info.MatchString(s),
		xmt.MatchString(s), distLine.MatchString(s), terminal.MatchString(s):
		return true
	case st == inIndicators && fl2More.MatchString(s):
		return true
	case st == inTo || st == inInfo:
		return isAddressee(s)
	}
	return false
}

// isAddressee reports whether a line continuing a TO or INFO list is an
// addressee: short, upper case, no sentence in it.
func isAddressee(s string) bool {
	t := strings.TrimSpace(s)
	return len(t) <= 70 && !strings.ContainsAny(t, ".:;") && strings.ToUpper(t) == t &&
		!paraStart.MatchString(t) && findAnchors(t) == nil
}

// parseRouting reads the ACP-127 format lines. Every line is kept in
// Lines, as written (glued maps a line the lines pass cut off a banner to
// the line whole); the recognised ones also fill the fields.
func (p *parser) parseRouting(lines []string, glued map[string]string) {
	r := &model.Routing{}
	st := inNothing
	for _, raw := range lines {
		s := raw
		if strings.TrimSpace(s) == "" {
			continue
		}
		if whole, ok := glued[raw]; ok {
			r.Lines = append(r.Lines, whole)
		} else {
			r.Lines = append(r.Lines, raw)
		}
		if m := pageInTo.FindStringIndex(s); m != nil && !pageOld.MatchString(s) {
			s = strings.TrimSpace(s[:m[0]] + " " + s[m[1]:])
		}
		var m []string
		switch {
		case fl1.MatchString(s):
			r.TransmissionID = strings.TrimSpace(s)
			st = inNothing
		case fl2.Submatch(s, &m):
			r.Prosign = m[1]
			r.Indicators = append(r.Indicators, strings.Fields(m[2])...)
			st = inIndicators
		case st == inIndicators && fl2More.MatchString(s):
			r.Indicators = append(r.Indicators, strings.Fields(s)...)
		case fl3.Submatch(s, &m):
			r.Station, r.Serial, r.SectionNumber, r.Julian = m[1], m[2], m[3], m[4]
			st = inNothing
		case fl4.Submatch(s, &m):
			r.Security = strings.Join(strings.Fields(m[1]), " ")
			st = inNothing
		case fl5.MatchString(s) && p.c.Date.IsZero():
			p.readDTG(r, s)
			st = inNothing
		case fm.Submatch(s, &m):
			p.c.Origin = m[1]
			st = inNothing
		case distLine.MatchString(s):
			st = inDistribution
		case to.Submatch(s, &m):
			r.To = appendAddressee(r.To, m[1])
			st = inTo
		case info.Submatch(s, &m):
			r.Info = appendAddressee(r.Info, m[1])
			st = inInfo
		case xmt.Submatch(s, &m):
			name := m[1]
			if st == inInfo && len(r.Info) > 0 {
				r.Info[len(r.Info)-1].Exempt = append(r.Info[len(r.Info)-1].Exempt, name)
			} else if len(r.To) > 0 {
				r.To[len(r.To)-1].Exempt = append(r.To[len(r.To)-1].Exempt, name)
			}
		case st == inTo && isAddressee(s):
			r.To = appendAddressee(r.To, s)
		case st == inInfo && isAddressee(s):
			r.Info = appendAddressee(r.Info, s)
		case st == inDistribution && strings.HasPrefix(raw, " "):
			// continuation of an ACTION/INFO distribution block
		default:
			st = inNothing
		}
	}
	if len(r.Lines) > 0 {
		p.c.Routing = r
	}
}

// readDTG takes the precedence and date-time group from an FL5 line.
func (p *parser) readDTG(r *model.Routing, s string) {
	m := fl5.FindStringSubmatch(s)
	t, ok := dtgTime(m[3], m[4], m[5], m[6], m[7])
	if !ok {
		return
	}
	p.c.Date = t
	if m[1] != "" {
		p.c.Precedence = model.PrecedenceFromLetter(strings.ToUpper(m[1]))
	}
	if r != nil {
		r.DTG = m[3] + m[4] + m[5] + "Z " + strings.ToUpper(m[6]) + " " + m[7]
	}
}

func appendAddressee(list []model.Addressee, s string) []model.Addressee {
	m := addressee.FindStringSubmatch(s)
	if m == nil {
		return list
	}
	a := model.Addressee{RI: m[1], Name: strings.Join(strings.Fields(m[2]), " "), Serial: m[4]}
	switch w := strings.Join(strings.Fields(m[3]), " "); w {
	case "":
	case "PRIOITY":
		a.Precedence = model.Priority
	case "NIACT IMMEDIATE":
		a.Precedence = model.Immediate
	default:
		a.Precedence = model.Precedence(w)
	}
	return append(list, a)
}
