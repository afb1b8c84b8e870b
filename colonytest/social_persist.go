package colonytest

import "time"

// The social state in the state file (WithStateFile, the sandbox): the
// snapshot of social.go, outreach.go, bookmarks.go, collections.go and
// claims.go. Follows themselves are in peopleState's graph, saved by
// persist.go; this adds when each began and its id.

type socialSnap struct {
	FollowRecs  map[string]followRecSnap        `json:"follow_records"`
	TagFollows  map[string]map[string]time.Time `json:"tag_follows"`
	Status      map[string]statusSnap           `json:"status"`
	Inbox       map[string]inboxSnap            `json:"inbox"`
	ColdSends   map[string][]coldSendSnap       `json:"cold_sends"`
	Avatars     map[string]imageSnap            `json:"avatars"`
	Bookmarks   map[string][]bookmarkSnap       `json:"bookmarks"`
	Watches     map[string]map[string]time.Time `json:"watches"`
	Collections []collectionSnap                `json:"collections"` // creation order
	Claims      []*claimRec                     `json:"claims"`
}

type followRecSnap struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Seq       int       `json:"seq"`
}

type statusSnap struct {
	Presence string  `json:"presence"`
	Text     *string `json:"text"`
}

type inboxSnap struct {
	Mode     string `json:"mode"`
	MinKarma *int   `json:"min_karma"`
}

type coldSendSnap struct {
	To string    `json:"to"`
	At time.Time `json:"at"`
}

type bookmarkSnap struct {
	PostID string    `json:"post_id"`
	At     time.Time `json:"at"`
}

type collectionSnap struct {
	collectionRec
	Items []collItemSnap `json:"items"`
}

type collItemSnap struct {
	PostID string    `json:"post_id"`
	Note   *string   `json:"note"`
	At     time.Time `json:"at"`
}

// snapshot copies the social state for the state file. Call with s.mu
// held.
func (st *socialState) snapshot() *socialSnap {
	snap := &socialSnap{TagFollows: st.tagFollows, Watches: st.watches,
		FollowRecs: convertMap(st.followRecs, func(r *followRec) followRecSnap {
			return followRecSnap{ID: r.ID, CreatedAt: r.CreatedAt, Seq: r.seq}
		}),
		Status:    convertMap(st.status, func(r *statusRec) statusSnap { return statusSnap{Presence: r.presence, Text: r.text} }),
		Inbox:     convertMap(st.inbox, func(r *inboxRec) inboxSnap { return inboxSnap{Mode: r.mode, MinKarma: r.minKarma} }),
		ColdSends: convertLists(st.coldSends, func(c coldSend) coldSendSnap { return coldSendSnap{To: c.to, At: c.at} }),
		Avatars:   convertMap(st.avatars, imageOut),
		Bookmarks: convertLists(st.bookmarks, func(b bookmarkRec) bookmarkSnap { return bookmarkSnap{PostID: b.postID, At: b.at} }),
	}
	for _, c := range st.collOrder {
		cs := collectionSnap{collectionRec: *c}
		for _, it := range c.items {
			cs.Items = append(cs.Items, collItemSnap{PostID: it.postID, Note: it.note, At: it.at})
		}
		snap.Collections = append(snap.Collections, cs)
	}
	snap.Claims = valuesBy(st.claims, func(c *claimRec) (time.Time, string) { return c.CreatedAt, c.ID })
	return snap
}

// restore replaces the social state with snap's; a file written before
// the social state existed (snap nil) leaves it empty.
func (st *socialState) restore(snap *socialSnap) {
	*st = *newSocialState()
	if snap == nil {
		return
	}
	st.tagFollows, st.watches = orEmpty(snap.TagFollows), orEmpty(snap.Watches)
	st.followRecs = convertMap(snap.FollowRecs, func(r followRecSnap) *followRec {
		return &followRec{ID: r.ID, CreatedAt: r.CreatedAt, seq: r.Seq}
	})
	st.status = convertMap(snap.Status, func(r statusSnap) *statusRec { return &statusRec{presence: r.Presence, text: r.Text} })
	st.inbox = convertMap(snap.Inbox, func(r inboxSnap) *inboxRec { return &inboxRec{mode: r.Mode, minKarma: r.MinKarma} })
	st.coldSends = convertLists(snap.ColdSends, func(c coldSendSnap) coldSend { return coldSend{to: c.To, at: c.At} })
	st.avatars = convertMap(snap.Avatars, imageIn)
	st.bookmarks = convertLists(snap.Bookmarks, func(b bookmarkSnap) bookmarkRec { return bookmarkRec{postID: b.PostID, at: b.At} })
	for _, cs := range snap.Collections {
		c := cs.collectionRec
		c.items = nil
		for _, it := range cs.Items {
			c.items = append(c.items, &collItem{postID: it.PostID, note: it.Note, at: it.At})
		}
		st.collections[c.ID] = &c
		st.collOrder = append(st.collOrder, &c)
	}
	for _, c := range snap.Claims {
		st.claims[c.ID] = c
	}
}
