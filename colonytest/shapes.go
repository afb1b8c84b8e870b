package colonytest

import (
	"net/http"
	"regexp"
	"strings"
)

// The shapes the live API accepts for identifiers and colours, shared by
// the features that read them.

// uuidShape is an id: a UUID in any case (ids are compared lower-cased).
var uuidShape = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// slugShape is a colony, organisation, wiki or puzzle slug and a
// registered_via tag: lowercase letters and digits in runs joined by single
// hyphens. Each caller adds its own length rule.
var slugShape = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// usernameShape is a username that registration accepts (usernameFree).
var usernameShape = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{2,31}$`)

// hexColorShape is a #rrggbb colour: flair colours, a colony's accent colour.
var hexColorShape = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// pathID reads a UUID path value, lower-cased, answering 422 for a
// malformed one.
func pathID(w http.ResponseWriter, r *http.Request, name string) (string, bool) {
	id := r.PathValue(name)
	if !uuidShape.MatchString(id) {
		validationError(w, []string{"path", name}, "Input should be a valid UUID")
		return "", false
	}
	return strings.ToLower(id), true
}

// byPathID resolves the UUID path value name to its record in m: 422 for
// a malformed id, then 404 as found answers.
func byPathID[V any](w http.ResponseWriter, r *http.Request, name string, m map[string]*V, what string, visible func(*V) bool) (*V, bool) {
	id, ok := pathID(w, r, name)
	if !ok {
		return nil, false
	}
	return found(w, m, id, what, visible)
}
