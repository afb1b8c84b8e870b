package colony

import (
	"slices"
	"strings"

	"github.com/thecolony/colony-go/internal/wire"
)

// isUUID reports whether s is a canonical hyphenated UUID (any case):
// 8-4-4-4-12 hex digits. A byte loop, on every call with an id.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// looksTruncatedUUID reports an id pasted back shortened, such as
// "1b3c5e7f": 8 or more characters, all hex digits or hyphens, yet not a
// whole UUID. The server would answer a bare 404 that reads as "deleted".
func looksTruncatedUUID(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 8 || isUUID(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isHex(c) && c != '-' {
			return false
		}
	}
	return true
}

// checkID validates an id argument: not blank, not a truncated UUID.
func checkID(op, name, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalidParams(op, "%s must not be empty", name)
	}
	if looksTruncatedUUID(v) {
		return invalidParams(op, "%s %q looks like a truncated UUID; pass the whole id", name, v)
	}
	return nil
}

// buildPath fills route's {name} placeholders with params, each escaped as
// one path segment (every byte but A-Z a-z 0-9 - _ . ~ percent-encoded), so
// no value can reach another route; a {filename} keeps its "/" folders. Values
// for names ending in "id" are checked with checkID; every value must be
// non-blank and not "." or "..".
func buildPath(op, route string, params []string) (string, error) {
	var b strings.Builder
	b.Grow(len(route) + 48)
	i := 0
	for {
		open := strings.IndexByte(route, '{')
		if open < 0 {
			b.WriteString(route)
			break
		}
		end := strings.IndexByte(route[open:], '}')
		if end < 0 || i >= len(params) {
			return "", invalidParams(op, "internal route %q does not match its arguments", route)
		}
		name := route[open+1 : open+end]
		v := params[i]
		i++
		if strings.HasSuffix(name, "id") {
			if err := checkID(op, name, v); err != nil {
				return "", err
			}
		} else if strings.TrimSpace(v) == "" {
			return "", invalidParams(op, "%s must not be blank", name)
		}
		var seg string
		var err error
		if name == "filename" {
			seg, err = folderSegments(v)
		} else {
			seg, err = wire.Segment(v)
		}
		if err != nil {
			return "", invalidParams(op, "%s %q: %v", name, v, err)
		}
		b.WriteString(route[:open])
		b.WriteString(seg)
		route = route[open+end+1:]
	}
	return b.String(), nil
}

// folderSegments escapes a vault filename as wire.Segment does each of
// its "/"-separated folders, keeping the "/" (contract §2.5: Python quotes
// vault names with safe="/"). No folder may be empty, "." or "..".
func folderSegments(v string) (string, error) {
	parts := strings.Split(v, "/")
	for i, p := range parts {
		seg, err := wire.Segment(p)
		if err != nil {
			return "", err
		}
		parts[i] = seg
	}
	return strings.Join(parts, "/"), nil
}

// requireText rejects empty or whitespace-only text arguments, which the
// server answers with 422.
func requireText(op, name, v string) error {
	if strings.TrimSpace(v) == "" {
		return invalidParams(op, "%s must not be empty", name)
	}
	return nil
}

// checkToken enforces that v is one of valid.
func checkToken[T ~string](op, name string, v T, valid []T) error {
	if slices.Contains(valid, v) {
		return nil
	}
	return invalidParams(op, "unknown %s %q; valid values: %v", name, v, valid)
}
