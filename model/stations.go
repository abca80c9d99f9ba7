package model

// Station is a routing indicator and the name of the station it serves,
// as a cable pairs them.
type Station struct{ RI, Name string }

// Stations are the routing indicators the cable pairs with a name: each
// TO and INFO line that has both (RUEHGH/AMCONSUL SHANGHAI), and the DE
// line's station with the sender (FM). Each pair once, in the header's
// order; nil without a transmission header.
func (c *Cable) Stations() []Station {
	r := c.Routing
	if r == nil {
		return nil
	}
	var out []Station
	add := func(ri, name string) {
		if ri == "" || name == "" {
			return
		}
		s := Station{RI: ri, Name: name}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, a := range r.To {
		add(a.RI, a.Name)
	}
	for _, a := range r.Info {
		add(a.RI, a.Name)
	}
	add(r.Station, c.Origin)
	return out
}
