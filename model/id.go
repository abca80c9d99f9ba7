package model

import "regexp"

// IsCableID reports whether s is a whole cable id as the cables write it:
// a two-digit year, the station, the serial (09TOKYO2531, 05BOGOTA3863,
// 08USUNNEWYORK1090), in capitals. The station ends with a letter, so the
// year and serial are where the digits start and end.
func IsCableID(s string) bool { return cableID.MatchString(s) }

var cableID = regexp.MustCompile(`^\d{2}[A-Z][A-Z0-9]*[A-Z]\d+$`)
