package colonytest

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Outreach: the cold-DM budget, the peers written to, and inbox modes.
//
// A cold message is the first message of a conversation to a user who does
// not follow the sender. Each spends one from the sender's hourly and daily
// windows. The live API is in "phase 1" (observability only: the budget
// is reported, never enforced), and so is the fake by default;
// WithColdDMLimit makes it refuse a cold message past the budget with 429
// COLD_BUDGET_EXHAUSTED, the planned enforcement. Inbox modes are enforced:
// contacts_only admits first messages only from users the recipient
// follows, quiet also from users with at least the karma floor.

// WithColdDMLimit makes the server refuse cold direct messages past the
// sender's cold-DM budget (429 with Retry-After), instead of only counting
// them as the live API does today.
func WithColdDMLimit() Option { return func(o *options) { o.coldLimit = true } }

type coldSend struct {
	to string
	at time.Time
}

type inboxRec struct {
	mode     string
	minKarma *int
}

// defaultQuietMinKarma is the karma floor of the quiet mode when none is
// given.
const defaultQuietMinKarma = 10

// coldTier is one tier of the cold-DM budget.
type coldTier struct {
	label          string
	daily, hourly  int
	minKarma       int // karma needed for the tier
	minAccountDays int // account age needed for the tier
}

var coldTiers = []coldTier{
	{label: "Restricted", daily: 3, hourly: 1, minKarma: 0, minAccountDays: 0},
	{label: "New", daily: 10, hourly: 3, minKarma: 10, minAccountDays: 0},
	{label: "Established", daily: 25, hourly: 8, minKarma: 50, minAccountDays: 7},
	{label: "Trusted", daily: 50, hourly: 15, minKarma: 200, minAccountDays: 30},
}

// tierOf is min(karma tier, account-age tier).
func (s *Server) tierOf(u *user) int {
	days := int(s.now().Sub(u.CreatedAt) / (24 * time.Hour))
	tier := 0
	for i, t := range coldTiers {
		if u.Karma >= t.minKarma && days >= t.minAccountDays {
			tier = i
		}
	}
	return tier
}

// coldWindow counts u's cold sends within d: remaining and the oldest.
func (s *Server) coldWindow(u *user, d time.Duration, capacity int) map[string]any {
	now := s.now()
	n, earliest := 0, time.Time{}
	for _, c := range s.soc.coldSends[u.ID] {
		if now.Sub(c.at) < d {
			if n == 0 {
				earliest = c.at
			}
			n++
		}
	}
	return map[string]any{"cap": capacity, "remaining": max(capacity-n, 0), "window_seconds": int(d / time.Second),
		"earliest_send_in_window_at": tsOrNil(earliest)}
}

func (s *Server) inboxOf(u *user) *inboxRec {
	if in := s.soc.inbox[u.ID]; in != nil {
		return in
	}
	return &inboxRec{mode: "open"}
}

func (s *Server) coldBudgetOut(u *user) map[string]any {
	i := s.tierOf(u)
	t := coldTiers[i]
	in := s.inboxOf(u)
	var next any
	if i+1 < len(coldTiers) {
		n := coldTiers[i+1]
		req := map[string]any{}
		if u.Karma < n.minKarma {
			req["karma"] = n.minKarma
		}
		if n.minAccountDays > 0 {
			req["account_age_days"] = n.minAccountDays
		}
		next = map[string]any{"tier": "L" + strconv.Itoa(i+1), "requires": req}
	}
	return map[string]any{"tier": "L" + strconv.Itoa(i), "tier_label": t.label,
		"daily": s.coldWindow(u, 24*time.Hour, t.daily), "hourly": s.coldWindow(u, time.Hour, t.hourly),
		"inbox_mode": in.mode, "inbox_quiet_min_karma": intOrNil(in.minKarma), "next_tier": next}
}

func quietFloorDefault() *int { v := defaultQuietMinKarma; return &v }

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func (s *Server) registerOutreach() {
	s.route("GET /me/cold-budget", s.handleColdBudget)
	s.route("GET /me/cold-budget/peers", s.handleColdPeers)
	s.route("PATCH /me/inbox", s.handleSetInbox)
}

func (s *Server) handleColdBudget(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, s.coldBudgetOut(u))
}

// admitFirstDM applies the recipient's inbox mode and the sender's cold-DM
// budget to a direct message that would start conversation c (nil or
// empty), answering the refusal; a cold message that is admitted is
// counted. Later messages of a conversation are always admitted.
func (s *Server) admitFirstDM(w http.ResponseWriter, c *conversation, from, to *user) bool {
	if c != nil && len(c.msgs) > 0 {
		return true
	}
	contact := s.ppl.follows[to.ID][from.ID]
	in := s.inboxOf(to)
	switch {
	case in.mode == "contacts_only" && !contact:
		writeError(w, http.StatusForbidden, "INBOX_CONTACTS_ONLY", to.Username+" only accepts messages from users they follow")
		return false
	case in.mode == "quiet" && !contact && from.Karma < *cmp.Or(in.minKarma, quietFloorDefault()):
		writeError(w, http.StatusForbidden, "INBOX_QUIET",
			fmt.Sprintf("%s only accepts messages from users they follow or with at least %d karma", to.Username, *cmp.Or(in.minKarma, quietFloorDefault())))
		return false
	case contact:
		return true // not cold
	}
	if s.opts.coldLimit {
		t := coldTiers[s.tierOf(from)]
		for _, win := range []struct {
			d   time.Duration
			cap int
		}{{time.Hour, t.hourly}, {24 * time.Hour, t.daily}} {
			wv := s.coldWindow(from, win.d, win.cap)
			if wv["remaining"].(int) == 0 {
				earliest := s.soc.coldSends[from.ID][len(s.soc.coldSends[from.ID])-win.cap].at
				w.Header().Set("Retry-After", strconv.Itoa(max(1, int(earliest.Add(win.d).Sub(s.now())/time.Second))))
				writeError(w, http.StatusTooManyRequests, "COLD_BUDGET_EXHAUSTED",
					fmt.Sprintf("Cold-DM budget exhausted (%d per %s)", win.cap, win.d))
				return false
			}
		}
	}
	s.soc.coldSends[from.ID] = append(s.soc.coldSends[from.ID], coldSend{to: to.ID, at: s.now()})
	return true
}

// handleColdPeers lists the users the caller wrote to, by handle, with an
// opaque cursor that stays valid as peers are added.
func (s *Server) handleColdPeers(w http.ResponseWriter, r *http.Request, u *user) {
	limit, ok := queryInt(w, r, "limit", 50, 1, 100)
	if !ok {
		return
	}
	after := ""
	if cur := r.URL.Query().Get("cursor"); cur != "" {
		b, err := base64.RawURLEncoding.DecodeString(cur)
		if err != nil {
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Invalid cursor")
			return
		}
		after = string(b)
	}
	var peers []map[string]any
	for _, c := range s.msg.dmByPair {
		if c.parts[u.ID] == nil {
			continue
		}
		other := s.users[c.other(u)]
		var lastOut time.Time
		replied := false
		for _, m := range c.msgs {
			if m.senderID == u.ID {
				lastOut = m.createdAt
			} else {
				replied = true
			}
		}
		if other == nil || lastOut.IsZero() || other.Username <= after {
			continue
		}
		last := c.msgs[len(c.msgs)-1]
		peers = append(peers, map[string]any{"handle": other.Username, "warm": replied || s.ppl.follows[other.ID][u.ID],
			"awaiting_reply": last.senderID == u.ID, "last_outbound_at": ts(lastOut)})
	}
	slices.SortFunc(peers, func(a, b map[string]any) int { return cmp.Compare(a["handle"].(string), b["handle"].(string)) })
	var next any
	if len(peers) > limit {
		peers = peers[:limit]
		next = base64.RawURLEncoding.EncodeToString([]byte(peers[limit-1]["handle"].(string)))
	}
	items := make([]any, len(peers))
	for i, p := range peers {
		items[i] = p
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "next_cursor": next})
}

func (s *Server) handleSetInbox(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		InboxMode string `json:"inbox_mode"`
		MinKarma  *int   `json:"inbox_quiet_min_karma"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !slices.Contains([]string{"open", "contacts_only", "quiet"}, in.InboxMode) {
		validationError(w, []string{"body", "inbox_mode"}, "Input should be 'open', 'contacts_only' or 'quiet'")
		return
	}
	if in.MinKarma != nil && *in.MinKarma < 0 {
		validationError(w, []string{"body", "inbox_quiet_min_karma"}, "Input should be greater than or equal to 0")
		return
	}
	rec := &inboxRec{mode: in.InboxMode}
	if in.InboxMode == "quiet" { // leaving quiet clears the floor
		rec.minKarma = cmp.Or(in.MinKarma, s.inboxOf(u).minKarma, quietFloorDefault())
	}
	s.soc.inbox[u.ID] = rec
	writeJSON(w, http.StatusOK, map[string]any{"inbox_mode": rec.mode, "inbox_quiet_min_karma": intOrNil(rec.minKarma)})
}
