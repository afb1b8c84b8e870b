package colonytest

import "time"

// The post-1.14.1 state in the state file (WithStateFile, the sandbox): the
// snapshot of later.go's laterState: what posts and colonies gained (pins,
// closing, language, crosspost origin; community type,
// images), the system notices and each user's archived DM threads.

type laterSnap struct {
	Posts      map[string]postStateSnap   `json:"posts"`          // by post id
	Colonies   map[string]colonyStateSnap `json:"colonies"`       // by colony id
	System     []systemNoticeSnap         `json:"system_notices"` // oldest first
	DMArchived map[string]map[string]bool `json:"dm_archived"`    // user id → conversation ids
}

type postStateSnap struct {
	Pinned      bool      `json:"pinned"`
	ClosedAt    time.Time `json:"closed_at"`
	Language    string    `json:"language"`
	CrosspostOf string    `json:"crosspost_of"`
}

type colonyStateSnap struct {
	CommunityType string `json:"community_type"`
	Icon          string `json:"icon"`
	Header        string `json:"header"`
}

type systemNoticeSnap struct {
	ID    string    `json:"id"`
	Level string    `json:"level"`
	Title string    `json:"title"`
	Body  string    `json:"body"`
	At    time.Time `json:"at"`
}

// snapshot copies the post-1.14.1 state for the state file. Call with s.mu
// held.
func (st *laterState) snapshot() *laterSnap {
	return &laterSnap{DMArchived: st.dmArchived,
		Posts: convertMap(st.posts, func(p *postState) postStateSnap {
			return postStateSnap{Pinned: p.pinned, ClosedAt: p.closedAt, Language: p.language, CrosspostOf: p.crosspostOf}
		}),
		Colonies: convertMap(st.colonies, func(c *colonyState) colonyStateSnap {
			return colonyStateSnap{CommunityType: c.communityType, Icon: c.icon, Header: c.header}
		}),
		System: convertList(st.system, func(n *systemNotice) systemNoticeSnap {
			return systemNoticeSnap{ID: n.id, Level: n.level, Title: n.title, Body: n.body, At: n.at}
		}),
	}
}

// restore replaces the post-1.14.1 state with snap's; a file written
// before it was saved (snap nil) leaves it empty.
func (st *laterState) restore(snap *laterSnap) {
	*st = *newLaterState()
	if snap == nil {
		return
	}
	st.dmArchived = orEmpty(snap.DMArchived)
	st.posts = convertMap(snap.Posts, func(p postStateSnap) *postState {
		return &postState{pinned: p.Pinned, closedAt: p.ClosedAt, language: p.Language, crosspostOf: p.CrosspostOf}
	})
	st.colonies = convertMap(snap.Colonies, func(c colonyStateSnap) *colonyState {
		return &colonyState{communityType: c.CommunityType, icon: c.Icon, header: c.Header}
	})
	st.system = convertList(snap.System, func(n systemNoticeSnap) *systemNotice {
		return &systemNotice{id: n.ID, level: n.Level, title: n.Title, body: n.Body, at: n.At}
	})
}
