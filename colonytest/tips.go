package colonytest

import (
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Boost tiers (sats, days) and the tip floor of the live API.
var boostTiers = map[string][2]int{"day": {5000, 1}, "week": {25000, 7}, "month": {100000, 30}}

const tipMinSats = 21

type boostRec struct {
	ID, PostID, Tier, PaymentHash string
	AmountSats, DurationDays      int
	CreatedAt                     time.Time
	PaidAt                        time.Time
}

type tipRec struct {
	ID, TipperID, RecipientID, PostID, CommentID, PaymentHash string
	AmountSats                                                int
	CreatedAt, PaidAt                                         time.Time
}

func (s *Server) registerTips() {
	s.route("POST /posts/{post_id}/boost", s.handleBoostPost)
	s.route("GET /posts/{post_id}/boost/{boost_id}", s.handleBoostStatus)
	s.route("POST /tips/post/{post_id}", s.handleTip)
	s.route("POST /tips/comment/{comment_id}", s.handleTip)
	s.readRoute("GET /tips", s.handleListTips)
}

// payBoostOrTipLocked settles the invoice of a boost or tip: a boost starts
// running when paid; a tip gets paid_at.
func (s *Server) payBoostOrTipLocked(paymentHash string) bool {
	now := s.now()
	for _, b := range s.x.boosts {
		if b.PaymentHash == paymentHash && b.PaidAt.IsZero() {
			b.PaidAt = now
			return true
		}
	}
	for _, t := range s.x.tips {
		if t.PaymentHash == paymentHash && t.PaidAt.IsZero() {
			t.PaidAt = now
			return true
		}
	}
	return false
}

// bolt11 is the fake Lightning invoice for hash.
func bolt11(hash string, sats int) string {
	return "lnbc" + strconv.Itoa(sats) + "n1colonytest" + hash[:16]
}

func (s *Server) handleBoostPost(w http.ResponseWriter, r *http.Request, u *user) {
	p, ok := s.livePost(w, r.PathValue("post_id"))
	if !ok {
		return
	}
	var in struct {
		Tier string `json:"tier"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	tier, known := boostTiers[in.Tier]
	if !known {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Unknown boost tier "+strconv.Quote(in.Tier)+": use day, week or month")
		return
	}
	if p.AuthorID != u.ID {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the author can boost a post")
		return
	}
	b := &boostRec{ID: newID(), PostID: p.ID, Tier: in.Tier, PaymentHash: randomHex(32), AmountSats: tier[0], DurationDays: tier[1], CreatedAt: s.now()}
	s.x.boosts[b.ID] = b
	writeJSON(w, http.StatusOK, map[string]any{"id": b.ID, "post_id": b.PostID, "tier": b.Tier, "amount_sats": b.AmountSats,
		"duration_days": b.DurationDays, "payment_hash": b.PaymentHash, "payment_request": bolt11(b.PaymentHash, b.AmountSats),
		"status": "pending", "expires_at": ts(b.CreatedAt.Add(time.Hour))})
}

func (s *Server) handleBoostStatus(w http.ResponseWriter, r *http.Request, u *user) {
	b, ok := found(w, s.x.boosts, r.PathValue("boost_id"), "Boost", func(b *boostRec) bool { return b.PostID == r.PathValue("post_id") })
	if !ok {
		return
	}
	status, expires := "pending", any(nil)
	if !b.PaidAt.IsZero() {
		end := b.PaidAt.Add(time.Duration(b.DurationDays) * 24 * time.Hour)
		status, expires = "active", ts(end)
		if !s.now().Before(end) {
			status = "expired"
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": b.ID, "post_id": b.PostID, "status": status, "amount_sats": b.AmountSats,
		"duration_days": b.DurationDays, "boost_expires_at": expires})
}

// handleTip takes the amount as a query parameter only: a body, or no
// amount, is 422 at [query, amount_sats].
func (s *Server) handleTip(w http.ResponseWriter, r *http.Request, u *user) {
	body, _ := io.ReadAll(r.Body)
	amount, err := strconv.Atoi(r.URL.Query().Get("amount_sats"))
	switch {
	case len(strings.TrimSpace(string(body))) > 0 || err != nil:
		validationError(w, []string{"query", "amount_sats"}, "Field required")
		return
	case amount < tipMinSats:
		validationError(w, []string{"query", "amount_sats"}, "Input should be greater than or equal to 21")
		return
	}
	t := &tipRec{ID: newID(), TipperID: u.ID, AmountSats: amount, PaymentHash: randomHex(32), CreatedAt: s.now()}
	if id := r.PathValue("comment_id"); id != "" {
		c, ok := s.liveComment(w, id)
		if !ok {
			return
		}
		t.CommentID, t.PostID, t.RecipientID = c.ID, c.PostID, c.AuthorID
	} else {
		p, ok := s.livePost(w, r.PathValue("post_id"))
		if !ok {
			return
		}
		t.PostID, t.RecipientID = p.ID, p.AuthorID
	}
	if t.RecipientID == u.ID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot tip yourself")
		return
	}
	s.x.tips = append(s.x.tips, t)
	writeJSON(w, http.StatusOK, map[string]any{"id": t.ID, "amount_sats": t.AmountSats, "payment_hash": t.PaymentHash,
		"payment_request": bolt11(t.PaymentHash, t.AmountSats), "status": "pending", "expires_at": ts(t.CreatedAt.Add(time.Hour))})
}

func (s *Server) handleListTips(w http.ResponseWriter, r *http.Request, u *user) {
	limit, offset, ok := pageParams(w, r, 20, 100)
	if !ok {
		return
	}
	q := r.URL.Query()
	name := func(id string) string {
		if u := s.users[id]; u != nil {
			return u.Username
		}
		return ""
	}
	var match []*tipRec
	for _, t := range slices.Backward(s.x.tips) {
		switch {
		case t.PaidAt.IsZero(): // only paid tips are listed
		case q.Get("post_id") != "" && t.PostID != q.Get("post_id"):
		case q.Get("comment_id") != "" && t.CommentID != q.Get("comment_id"):
		case q.Get("recipient") != "" && !strings.EqualFold(name(t.RecipientID), q.Get("recipient")):
		case q.Get("tipper") != "" && !strings.EqualFold(name(t.TipperID), q.Get("tipper")):
		default:
			match = append(match, t)
		}
	}
	out := []any{}
	for i := offset; i < len(match) && len(out) < limit; i++ {
		t := match[i]
		title := ""
		if p := s.posts[t.PostID]; p != nil {
			title = p.Title
		}
		out = append(out, map[string]any{"id": t.ID, "amount_sats": t.AmountSats, "tipper": s.personRef(t.TipperID),
			"recipient": s.personRef(t.RecipientID), "post_id": t.PostID, "post_title": title,
			"comment_id": nilIfEmpty(t.CommentID), "paid_at": ts(t.PaidAt)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(match), "offset": offset, "limit": limit, "tips": out})
}
