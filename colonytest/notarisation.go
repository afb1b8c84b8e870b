package colonytest

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/thecolony/colony-go/attestation"
)

// notarisation is a record the fake "Touchstone" chain holds: the
// canonical document, its JCS digest, and a place in a hash chain.
type notarisation struct {
	SubjectType string
	SubjectID   string
	AuthorID    string
	Canonical   map[string]any
	PayloadHash string
	Seq         int
	EntryHash   string
	At          time.Time
}

func (s *Server) registerNotarisation() {
	s.route("POST /posts/{post_id}/notarise", s.handleNotarise)
	s.route("POST /comments/{comment_id}/notarise", s.handleNotarise)
	s.readRoute("GET /posts/{post_id}/notarisation", s.handleGetNotarisation)
	s.readRoute("GET /comments/{comment_id}/notarisation", s.handleGetNotarisation)
	s.readRoute("GET /users/{user_id}/notarisations", s.handleUserNotarisations)
	s.readRoute("GET /users/by-username/{username}/notarisations", s.handleUserNotarisations)
}

// frozen answers 409 for an edit of notarised content: notarisation
// freezes a post or comment forever. Call with s.mu held.
func (s *Server) frozen(w http.ResponseWriter, subjectID string) bool {
	if s.x != nil && s.x.notarised[subjectID] != nil {
		writeError(w, http.StatusConflict, "NOTARISED", "This content is notarised and can no longer be edited")
		return true
	}
	return false
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (s *Server) handleNotarise(w http.ResponseWriter, r *http.Request, u *user) {
	var subjectType, subjectID, authorID, colonyID, title, body string
	var created time.Time
	if id := r.PathValue("comment_id"); id != "" {
		c, ok := s.liveComment(w, id)
		if !ok {
			return
		}
		subjectType, subjectID, authorID, body, created = "comment", c.ID, c.AuthorID, c.Body, c.CreatedAt
		if p := s.posts[c.PostID]; p != nil {
			colonyID = p.ColonyID
		}
	} else {
		p, ok := s.livePost(w, r.PathValue("post_id"))
		if !ok {
			return
		}
		subjectType, subjectID, authorID, colonyID, title, body, created = "post", p.ID, p.AuthorID, p.ColonyID, p.Title, p.Body, p.CreatedAt
	}
	if authorID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author can notarise "+subjectType+"s they wrote")
		return
	}
	if s.x.notarised[subjectID] != nil {
		writeError(w, http.StatusConflict, "ALREADY_NOTARISED", "This "+subjectType+" is already notarised")
		return
	}
	canonical := map[string]any{"v": 1, "author_id": authorID, "colony_id": nilIfEmpty(colonyID),
		"created_at": created.UTC().Format("2006-01-02T15:04:05.000000+00:00"), "subject_id": subjectID,
		"subject_type": subjectType, "title_sha256": sha256Hex(title), "body_sha256": sha256Hex(body)}
	jcs, err := attestation.Canonicalize(canonical)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "", err.Error())
		return
	}
	s.x.notarySeq++
	payload := sha256Hex(string(jcs))
	n := &notarisation{SubjectType: subjectType, SubjectID: subjectID, AuthorID: authorID, Canonical: canonical,
		PayloadHash: payload, Seq: s.x.notarySeq, EntryHash: sha256Hex(s.x.lastEntry + payload), At: s.now()}
	s.x.lastEntry = n.EntryHash
	s.x.notarised[subjectID] = n
	writeJSON(w, http.StatusOK, s.notarisationOut(n))
}

func (s *Server) notarisationOut(n *notarisation) map[string]any {
	canonical, _ := json.Marshal(n.Canonical)
	proof := "https://touchstone.invalid/.well-known/touchstone/checkpoints/" + s.x.recorderID + "/entry/" + strconv.Itoa(n.Seq)
	return map[string]any{"subject_type": n.SubjectType, "subject_id": n.SubjectID, "payload_hash": n.PayloadHash,
		"canonical": json.RawMessage(canonical), "recorder_id": s.x.recorderID, "seq": n.Seq, "entry_hash": n.EntryHash,
		"server_ts": n.At.UTC().Format(time.RFC3339), "proof_url": proof, "proof_state": "recorded", "proof_note": nil,
		"bitcoin_block_height": nil, "beacon_round": nil,
		"establishes":              "That the exact bytes hashed here existed no later than " + n.At.UTC().Format(time.RFC3339) + ".",
		"asserted_by_the_platform": []string{"subject_id", "author_id", "colony_id", "created_at"},
		"recompute":                "payload_hash = sha256(JCS(canonical)) as lowercase hex; title_sha256 and body_sha256 are sha256 of the raw stored markdown as UTF-8; an absent title hashes the empty string.",
		"notarised_at":             ts(n.At), "editable": false,
		"record_url": "/api/v1/" + n.SubjectType + "s/" + n.SubjectID + "/notarisation"}
}

func (s *Server) handleGetNotarisation(w http.ResponseWriter, r *http.Request, u *user) {
	id := cmp.Or(r.PathValue("post_id"), r.PathValue("comment_id"))
	n := s.x.notarised[id]
	if n == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "No notarisation for this content")
		return
	}
	writeJSON(w, http.StatusOK, s.notarisationOut(n))
}

func (s *Server) handleUserNotarisations(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	var target *user
	if name := r.PathValue("username"); name != "" {
		target = s.usersByName[strings.ToLower(name)]
		if target == nil {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
			return
		}
	} else if target, ok = s.targetUser(w, r); !ok {
		return
	}
	var out []*notarisation
	for _, n := range s.x.notarised {
		deleted := false
		if n.SubjectType == "post" {
			deleted = s.posts[n.SubjectID] == nil || s.posts[n.SubjectID].Deleted
		} else {
			deleted = s.comments[n.SubjectID] == nil || s.comments[n.SubjectID].Deleted
		}
		if n.AuthorID == target.ID && !deleted { // records of deleted content are left out
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(a, b *notarisation) int { return b.Seq - a.Seq })
	writeJSON(w, http.StatusOK, page(out, offset, limit, func(n *notarisation) any { return s.notarisationOut(n) }))
}
