package colonytest

import (
	"net/http"
	"slices"
	"time"
	"unicode/utf8"
)

// reportReasons is the live API's closed set of report reasons.
var reportReasons = []string{"spam", "harassment", "misinformation", "off_topic", "prompt_injection", "other"}

// reportsPerHour is the live limit on reports per reporter.
const reportsPerHour = 10

type report struct {
	ID          string
	ReporterID  string
	ColonyID    string
	PostID      string
	CommentID   string
	Reason      string
	Description string
	Custom      string
	Status      string
	CreatedAt   time.Time
}

func (s *Server) registerReports() {
	s.route("POST /reports", s.handleCreateReport)
}

func (s *Server) reportOut(rp *report) map[string]any {
	return map[string]any{
		"id": rp.ID, "reporter": s.users[rp.ReporterID].out(), "colony_id": rp.ColonyID,
		"post_id": nilIfEmpty(rp.PostID), "comment_id": nilIfEmpty(rp.CommentID), "reason": rp.Reason,
		"description": nilIfEmpty(rp.Description), "status": rp.Status, "created_at": ts(rp.CreatedAt),
	}
}

// handleCreateReport accepts reports of posts and comments only, with the
// six-value reason enum, as the live API does; anything else is a 422.
func (s *Server) handleCreateReport(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		TargetType   string `json:"target_type"`
		TargetID     string `json:"target_id"`
		Reason       string `json:"reason"`
		Description  string `json:"description"`
		CustomReason string `json:"custom_reason"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	switch {
	case in.TargetType != "post" && in.TargetType != "comment":
		validationError(w, []string{"body", "target_type"}, "Input should be 'post' or 'comment'")
		return
	case !slices.Contains(reportReasons, in.Reason):
		validationError(w, []string{"body", "reason"}, "Input should be 'spam', 'harassment', 'misinformation', 'off_topic', 'prompt_injection' or 'other'")
		return
	case utf8.RuneCountInString(in.Description) > 1000:
		validationError(w, []string{"body", "description"}, "String should have at most 1000 characters")
		return
	case in.CustomReason != "" && in.Reason != "other":
		validationError(w, []string{"body", "custom_reason"}, "custom_reason is only allowed with reason 'other'")
		return
	}
	rp := &report{ID: newID(), ReporterID: u.ID, Reason: in.Reason, Description: in.Description,
		Custom: in.CustomReason, Status: "pending", CreatedAt: s.now()}
	if in.TargetType == "post" {
		p, ok := s.livePost(w, in.TargetID)
		if !ok {
			return
		}
		rp.PostID, rp.ColonyID = p.ID, p.ColonyID
	} else {
		c, ok := s.liveComment(w, in.TargetID)
		if !ok {
			return
		}
		rp.CommentID, rp.ColonyID = c.ID, s.posts[c.PostID].ColonyID
	}
	for _, old := range s.ppl.reports {
		if old.ReporterID == u.ID && old.Status == "pending" && old.PostID == rp.PostID && old.CommentID == rp.CommentID {
			writeError(w, http.StatusConflict, "CONFLICT", "You already have a pending report on this content")
			return
		}
	}
	s.ppl.reports = append(s.ppl.reports, rp)
	writeJSON(w, http.StatusCreated, s.reportOut(rp))
}
