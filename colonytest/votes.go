package colonytest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Votes on posts and comments, reactions and polls, as in the SDK's
// votes.go.

var reactionKeys = []string{"thumbs_up", "heart", "laugh", "thinking", "fire", "eyes", "rocket", "clap"}

func (s *Server) registerVotes() {
	s.route("POST /posts/{post_id}/vote", s.handleVotePost)
	s.route("POST /comments/{comment_id}/vote", s.handleVoteComment)
	s.route("POST /reactions/toggle", s.handleReactionToggle)
	s.route("GET /polls/{post_id}/results", s.handlePollResults)
	s.route("POST /polls/{post_id}/vote", s.handlePollVote)
}

func reactionCounts(r map[string]map[string]bool) map[string]int {
	out := map[string]int{}
	for k, users := range r {
		if len(users) > 0 {
			out[k] = len(users)
		}
	}
	return out
}

type voteIn struct {
	Value *int `json:"value"`
}

// castVote sets u's vote on a post or comment (what names it), answering
// the live API's errors. A vote is set, not added: a change of value moves
// the score and the author's karma by the difference, and a repeat of the
// same value changes nothing and succeeds.
func (s *Server) castVote(w http.ResponseWriter, r *http.Request, u *user, what, authorID string, votes map[string]int, score *int) {
	var in voteIn
	if !decodeBody(w, r, &in) {
		return
	}
	if in.Value == nil || (*in.Value != 1 && *in.Value != -1) {
		writeError(w, http.StatusUnprocessableEntity, "INVALID_INPUT", "Vote value must be 1 or -1")
		return
	}
	if authorID == u.ID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Cannot vote on your own "+what)
		return
	}
	delta := *in.Value - votes[u.ID] // votes[u.ID] is 0 before the first vote
	votes[u.ID] = *in.Value
	*score += delta
	if a := s.users[authorID]; a != nil {
		a.Karma += delta
	}
	writeJSON(w, http.StatusOK, map[string]any{"score": *score, "value": *in.Value})
}

func (s *Server) handleVotePost(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.livePost(w, r.PathValue("post_id")); ok && !s.refuseKarma(w, p.ColonyID, u, "vote") {
		s.castVote(w, r, u, "post", p.AuthorID, p.votes, &p.Score)
	}
}

func (s *Server) handleVoteComment(w http.ResponseWriter, r *http.Request, u *user) {
	if c, ok := s.liveComment(w, r.PathValue("comment_id")); ok && !s.refuseKarma(w, s.posts[c.PostID].ColonyID, u, "vote") {
		s.castVote(w, r, u, "comment", c.AuthorID, c.votes, &c.Score)
	}
}

func (s *Server) handleReactionToggle(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		Emoji     string `json:"emoji"`
		PostID    string `json:"post_id"`
		CommentID string `json:"comment_id"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !slices.Contains(reactionKeys, in.Emoji) {
		validationError(w, []string{"body", "emoji"}, "emoji must be one of "+strings.Join(reactionKeys, ", "))
		return
	}
	var set map[string]map[string]bool
	var authorID, postID string
	switch {
	case in.PostID != "" && in.CommentID == "":
		p, ok := s.livePost(w, in.PostID)
		if !ok {
			return
		}
		set, authorID, postID = p.reactions, p.AuthorID, p.ID
	case in.CommentID != "" && in.PostID == "":
		c, ok := s.liveComment(w, in.CommentID)
		if !ok {
			return
		}
		set, authorID, postID = c.reactions, c.AuthorID, c.PostID
	default:
		validationError(w, []string{"body"}, "exactly one of post_id and comment_id is required")
		return
	}
	if set[in.Emoji] == nil {
		set[in.Emoji] = map[string]bool{}
	}
	on := !set[in.Emoji][u.ID]
	if on {
		set[in.Emoji][u.ID] = true
		s.emit(r, Event{Name: "post_reaction", Recipients: []string{authorID},
			Payload: map[string]any{"emoji": in.Emoji, "post_id": postID, "comment_id": nilIfEmpty(in.CommentID), "actor": u.summary()}})
	} else {
		delete(set[in.Emoji], u.ID)
	}
	writeJSON(w, http.StatusOK, map[string]any{"toggled": on, "emoji": in.Emoji, "count": len(set[in.Emoji])})
}

// pollOptions returns a poll's options from its metadata.
func pollOptions(p *post) []map[string]any {
	var out []map[string]any
	list, _ := p.Metadata["poll_options"].([]any)
	for i, o := range list {
		m, _ := o.(map[string]any)
		id, _ := m["id"].(string)
		text, _ := m["text"].(string)
		if id == "" {
			id = fmt.Sprintf("opt_%d", i+1)
		}
		if s, ok := o.(string); ok {
			text = s
		}
		out = append(out, map[string]any{"id": id, "text": text})
	}
	return out
}

func (s *Server) pollOut(p *post, u *user) map[string]any {
	counts := map[string]int{}
	total := 0
	for _, ids := range p.pollVotes {
		for _, id := range ids {
			counts[id]++
			total++
		}
	}
	options := []any{}
	for _, o := range pollOptions(p) {
		id := o["id"].(string)
		pct := 0.0
		if total > 0 {
			pct = float64(counts[id]) * 100 / float64(total)
		}
		options = append(options, map[string]any{"id": id, "text": o["text"], "vote_count": counts[id], "percentage": pct})
	}
	mine, voted := p.pollVotes[u.ID]
	if mine == nil {
		mine = []string{}
	}
	multi, _ := p.Metadata["multiple_choice"].(bool)
	showBefore, _ := p.Metadata["show_results_before_voting"].(bool)
	closed := false
	if at, _ := p.Metadata["closes_at"].(string); at != "" {
		if t, err := time.Parse(time.RFC3339, at); err == nil && !s.now().Before(t) {
			closed = true
		}
	}
	return map[string]any{"post_id": p.ID, "total_votes": total, "user_voted": voted, "user_option_ids": mine,
		"options": options, "is_closed": closed, "multiple_choice": multi,
		"show_results_before_voting": showBefore, "closing_soon": false}
}

func (s *Server) livePoll(w http.ResponseWriter, id string) (*post, bool) {
	p, ok := s.livePost(w, id)
	if !ok {
		return nil, false
	}
	if p.Type != "poll" {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This post is not a poll")
		return nil, false
	}
	return p, true
}

func (s *Server) handlePollResults(w http.ResponseWriter, r *http.Request, u *user) {
	if p, ok := s.livePoll(w, r.PathValue("post_id")); ok {
		writeJSON(w, http.StatusOK, s.pollOut(p, u))
	}
}

func (s *Server) handlePollVote(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePoll(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		OptionIDs []string `json:"option_ids"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.OptionIDs) == 0 {
		validationError(w, []string{"body", "option_ids"}, "at least one option is required")
		return
	}
	valid := map[string]bool{}
	for _, o := range pollOptions(p) {
		valid[o["id"].(string)] = true
	}
	for _, id := range in.OptionIDs {
		if !valid[id] {
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Unknown poll option "+id)
			return
		}
	}
	if multi, _ := p.Metadata["multiple_choice"].(bool); !multi && len(in.OptionIDs) > 1 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This poll takes a single option")
		return
	}
	if s.pollOut(p, u)["is_closed"].(bool) {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "This poll is closed")
		return
	}
	p.pollVotes[u.ID] = slices.Compact(slices.Sorted(slices.Values(in.OptionIDs)))
	writeJSON(w, http.StatusOK, s.pollOut(p, u))
}
