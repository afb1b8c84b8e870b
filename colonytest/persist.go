package colonytest

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Persistence: a Server started WithStateFile keeps its whole state in one
// JSON file. The file is read at start (a missing file means "start from
// the seed") and rewritten after every request that changed the state,
// before that request's answer leaves the server, by writing a temporary
// file in the same directory, syncing it and renaming it over the old one.
// A crash or a kill at any moment leaves either the old or the new file, and
// every answer a client has seen is in it.
//
// The snapshot types below mirror the state structs of the other files
// field by field; TestSnapshotCoversEveryStateField fails when a state
// struct gains a field this file does not know about.

// stateFormat is the version of the state file's layout.
const stateFormat = 1

// WithStateFile keeps the server's state (agents and their keys, tokens,
// posts, comments, votes, reactions, polls, colonies, notifications, direct
// and group messages, attachments, vault files, webhooks, follows, blocks,
// reports, organisations, moderation, echoes, wiki pages, puzzles, boosts,
// tips, notarisations, pending registrations, recovery emails, 2FA,
// premium memberships, pins and closed posts, colony types and moderators,
// system notices, archived threads and idempotency records) in the file at
// path, across restarts. The file holds API keys and TOTP secrets, so it is
// written with mode 0600. An existing file replaces the seed data;
// otherwise the file is created from the seeded state. The request log,
// faults and overrides are not kept.
func WithStateFile(path string) Option { return func(o *options) { o.stateFile = path } }

// stateStore writes a server's snapshots to its file, one at a time and in
// the order they were taken.
type stateStore struct {
	path     string
	restored bool   // the state came from the file
	last     []byte // the last snapshot written, without the request counter
}

// snapshot is the state file's document.
type snapshot struct {
	Format       int                        `json:"format"`
	Seq          int                        `json:"seq"`
	DefaultAgent string                     `json:"default_agent"`
	Users        []*user                    `json:"users"`
	Tokens       map[string]tokenSnap       `json:"tokens"`
	Colonies     []colonySnap               `json:"colonies"`
	Posts        []postSnap                 `json:"posts"`
	Notifs       map[string][]*notification `json:"notifications"`
	Idem         map[string]idemSnap        `json:"idempotency"`
	Attachments  []attachmentSnap           `json:"attachments"`
	Convs        []convSnap                 `json:"conversations"`
	Saved        map[string][]savedSnap     `json:"saved"`
	Follows      map[string]map[string]bool `json:"follows"`
	Blocks       map[string]map[string]bool `json:"blocks"`
	Reports      []*report                  `json:"reports"`
	Vaults       map[string]vaultSnap       `json:"vaults"`
	Webhooks     []*webhookRec              `json:"webhooks"`
	Actions      map[string][]time.Time     `json:"actions"`
	Social       *socialSnap                `json:"social,omitempty"` // social_persist.go
	Orgs         *orgState                  `json:"organisations,omitempty"`
	Moderation   *modState                  `json:"moderation"`
	Extras       *extrasSnap                `json:"extras,omitempty"`  // extras_persist.go
	Account      *accountSnap               `json:"account,omitempty"` // account_persist.go
	Later        *laterSnap                 `json:"later,omitempty"`   // later_persist.go
}

type tokenSnap struct {
	UserID  string    `json:"user_id"`
	Expires time.Time `json:"expires"`
}

type colonySnap struct {
	colonyRec
	Members []string `json:"members"`
}

type postSnap struct {
	post
	Seq       int                        `json:"seq"`
	Votes     map[string]int             `json:"votes"`
	Reactions map[string]map[string]bool `json:"reactions"`
	PollVotes map[string][]string        `json:"poll_votes"`
	// CommentList is the post's comments in creation order.
	CommentList []commentSnap `json:"comment_list"`
}

type commentSnap struct {
	comment
	Votes     map[string]int             `json:"votes"`
	Reactions map[string]map[string]bool `json:"reactions"`
}

type idemSnap struct {
	Hash   string              `json:"hash"`
	Status int                 `json:"status"`
	Header map[string][]string `json:"header"`
	Body   []byte              `json:"body"`
}

type imageSnap struct {
	Data   []byte `json:"data"`
	Mime   string `json:"mime"`
	Width  *int   `json:"width"`
	Height *int   `json:"height"`
}

type attachmentSnap struct {
	ID         string    `json:"id"`
	UploaderID string    `json:"uploader_id"`
	Image      imageSnap `json:"image"`
	Deleted    bool      `json:"deleted"`
	CreatedAt  time.Time `json:"created_at"`
}

type convSnap struct {
	ID          string            `json:"id"`
	IsGroup     bool              `json:"is_group"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	CreatorID   string            `json:"creator_id"`
	Template    string            `json:"template"`
	CreatedAt   time.Time         `json:"created_at"`
	LastAt      time.Time         `json:"last_at"`
	Parts       []participantSnap `json:"participants"` // in joining order
	Msgs        []messageSnap     `json:"messages"`     // chronological
	Pins        []savedSnap       `json:"pins"`
	Avatar      *imageSnap        `json:"avatar,omitempty"`
	AvatarVer   int               `json:"avatar_version"`
}

type participantSnap struct {
	UserID       string    `json:"user_id"`
	Admin        bool      `json:"admin"`
	Pending      bool      `json:"pending"`
	Muted        bool      `json:"muted"`
	MutedUntil   time.Time `json:"muted_until"`
	SnoozedUntil time.Time `json:"snoozed_until"`
	Receipts     *bool     `json:"receipts"`
	SpamAt       time.Time `json:"spam_at"`
	SpamReason   string    `json:"spam_reason"`
}

type messageSnap struct {
	ID          string               `json:"id"`
	SenderID    string               `json:"sender_id"`
	Body        string               `json:"body"`
	ReplyTo     string               `json:"reply_to,omitempty"`
	Attachments []string             `json:"attachments,omitempty"`
	CreatedAt   time.Time            `json:"created_at"`
	EditedAt    time.Time            `json:"edited_at"`
	Deleted     bool                 `json:"deleted"`
	Versions    []versionSnap        `json:"versions,omitempty"`
	Reactions   []reactionSnap       `json:"reactions,omitempty"`
	Reads       map[string]time.Time `json:"reads"`
}

type versionSnap struct {
	Body string    `json:"body"`
	At   time.Time `json:"at"`
}

type reactionSnap struct {
	Emoji     string    `json:"emoji"`
	UserID    string    `json:"user_id"`
	CreatedAt time.Time `json:"created_at"`
}

// savedSnap is a message reference with a time: a pin or a saved message.
type savedSnap struct {
	MessageID string    `json:"message_id"`
	At        time.Time `json:"at"`
}

type vaultSnap struct {
	Quota int64                 `json:"quota"`
	Files map[string]*vaultFile `json:"files"`
}

// ---- taking a snapshot ----

// snapshotLocked copies the whole state into a snapshot. Call with s.mu
// held; the snapshot shares no mutable memory with the server once
// marshalled.
func (s *Server) snapshotLocked() *snapshot {
	snap := &snapshot{
		Format: stateFormat, Seq: s.seq, DefaultAgent: s.defaultAgent.ID,
		Notifs: s.notifs, Follows: s.ppl.follows, Blocks: s.ppl.blocks, Reports: s.ppl.reports, Actions: s.ppl.actions,
		Tokens: convertMap(s.tokens, func(t *token) tokenSnap { return tokenSnap{UserID: t.userID, Expires: t.expires} }),
		Idem: convertMap(s.idem, func(r *idemRecord) idemSnap {
			return idemSnap{Hash: r.hash, Status: r.status, Header: r.header, Body: r.body}
		}),
		Saved:  convertLists(s.msg.saved, func(e *savedEntry) savedSnap { return savedSnap{MessageID: e.msg.ID, At: e.at} }),
		Vaults: convertMap(s.ppl.vaults, func(v *vault) vaultSnap { return vaultSnap{Quota: v.quota, Files: v.files} }),
		Orgs:   s.orgs, Moderation: s.mod, Social: s.soc.snapshot(),
		Extras: s.x.snapshot(), Account: s.acct.snapshot(), Later: s.later.snapshot(),
	}
	snap.Users = valuesBy(s.users, func(u *user) (time.Time, string) { return u.CreatedAt, u.ID })
	for _, c := range s.colonies {
		cs := colonySnap{colonyRec: *c}
		for id := range c.members {
			cs.Members = append(cs.Members, id)
		}
		sortBy(cs.Members, func(id string) (time.Time, string) { return time.Time{}, id })
		snap.Colonies = append(snap.Colonies, cs)
	}
	sortBy(snap.Colonies, func(c colonySnap) (time.Time, string) { return c.CreatedAt, c.ID })
	for _, p := range s.postOrder {
		ps := postSnap{post: *p, Seq: p.seq, Votes: p.votes, Reactions: p.reactions, PollVotes: p.pollVotes}
		for _, c := range p.commentList {
			ps.CommentList = append(ps.CommentList, commentSnap{comment: *c, Votes: c.votes, Reactions: c.reactions})
		}
		snap.Posts = append(snap.Posts, ps)
	}
	for _, a := range s.msg.attachments {
		snap.Attachments = append(snap.Attachments, attachmentSnap{ID: a.ID, UploaderID: a.uploaderID,
			Image: imageOut(a.img), Deleted: a.deleted, CreatedAt: a.createdAt})
	}
	sortBy(snap.Attachments, func(a attachmentSnap) (time.Time, string) { return a.CreatedAt, a.ID })
	for _, c := range s.msg.convs {
		snap.Convs = append(snap.Convs, convOut(c))
	}
	sortBy(snap.Convs, func(c convSnap) (time.Time, string) { return c.CreatedAt, c.ID })
	snap.Webhooks = valuesBy(s.ppl.webhooks, func(h *webhookRec) (time.Time, string) { return h.CreatedAt, h.ID })
	return snap
}

func imageOut(img *storedImage) imageSnap {
	out := imageSnap{Data: img.data, Mime: img.mime}
	if w, ok := img.width.(int); ok {
		out.Width = &w
	}
	if h, ok := img.height.(int); ok {
		out.Height = &h
	}
	return out
}

func convOut(c *conversation) convSnap {
	cs := convSnap{ID: c.ID, IsGroup: c.IsGroup, Title: c.Title, Description: c.Description,
		CreatorID: c.CreatorID, Template: c.Template, CreatedAt: c.CreatedAt, LastAt: c.LastAt, AvatarVer: c.avatarVer}
	for _, id := range c.order {
		p := c.parts[id]
		if p == nil {
			continue
		}
		cs.Parts = append(cs.Parts, participantSnap{UserID: p.userID, Admin: p.admin, Pending: p.pending,
			Muted: p.muted, MutedUntil: p.mutedUntil, SnoozedUntil: p.snoozedUntil, Receipts: p.receipts,
			SpamAt: p.spamAt, SpamReason: p.spamReason})
	}
	for _, m := range c.msgs {
		ms := messageSnap{ID: m.ID, SenderID: m.senderID, Body: m.body, CreatedAt: m.createdAt,
			EditedAt: m.editedAt, Deleted: m.deleted, Reads: m.reads}
		if m.replyTo != nil {
			ms.ReplyTo = m.replyTo.ID
		}
		for _, a := range m.attachments {
			ms.Attachments = append(ms.Attachments, a.ID)
		}
		for _, v := range m.versions {
			ms.Versions = append(ms.Versions, versionSnap{Body: v.body, At: v.at})
		}
		for _, r := range m.reactions {
			ms.Reactions = append(ms.Reactions, reactionSnap{Emoji: r.emoji, UserID: r.userID, CreatedAt: r.createdAt})
		}
		cs.Msgs = append(cs.Msgs, ms)
	}
	for _, p := range c.pins {
		cs.Pins = append(cs.Pins, savedSnap{MessageID: p.msg.ID, At: p.at})
	}
	if c.avatar != nil {
		img := imageOut(c.avatar)
		cs.Avatar = &img
	}
	return cs
}

// sortBy sorts list by (time, id), so a snapshot of the same state is the
// same bytes.
// valuesBy returns m's values in sortBy's order.
func valuesBy[K comparable, V any](m map[K]V, key func(V) (time.Time, string)) []V {
	list := slices.Collect(maps.Values(m))
	sortBy(list, key)
	return list
}

func sortBy[T any](list []T, key func(T) (time.Time, string)) {
	slices.SortFunc(list, func(a, b T) int {
		ta, ia := key(a)
		tb, ib := key(b)
		if c := ta.Compare(tb); c != 0 {
			return c
		}
		switch {
		case ia < ib:
			return -1
		case ia > ib:
			return 1
		}
		return 0
	})
}

// ---- restoring ----

// restoreLocked replaces the server's state with snap. Call with s.mu
// held, before the server serves anything.
func (s *Server) restoreLocked(snap *snapshot) error {
	if snap.Format != stateFormat {
		return fmt.Errorf("state file format %d, want %d", snap.Format, stateFormat)
	}
	s.seq = snap.Seq
	clear(s.users)
	clear(s.usersByName)
	clear(s.usersByKey)
	for _, u := range snap.Users {
		s.users[u.ID], s.usersByName[u.Username], s.usersByKey[u.APIKey] = u, u, u
	}
	d := s.users[snap.DefaultAgent]
	if d == nil {
		return errors.New("state file has no default agent")
	}
	s.defaultAgent = Agent{ID: d.ID, Username: d.Username, APIKey: d.APIKey}
	clear(s.tokens)
	for k, t := range snap.Tokens {
		s.tokens[k] = &token{userID: t.UserID, expires: t.Expires}
	}
	clear(s.colonies)
	for _, cs := range snap.Colonies {
		c := cs.colonyRec
		c.members = map[string]bool{}
		for _, id := range cs.Members {
			c.members[id] = true
		}
		s.colonies[c.ID] = &c
	}
	clear(s.posts)
	clear(s.comments)
	s.postOrder = nil
	for _, ps := range snap.Posts {
		p := ps.post
		p.seq, p.votes, p.reactions, p.pollVotes = ps.Seq, orEmpty(ps.Votes), orEmpty(ps.Reactions), orEmpty(ps.PollVotes)
		p.commentList = nil
		for _, cs := range ps.CommentList {
			c := cs.comment
			c.votes, c.reactions = orEmpty(cs.Votes), orEmpty(cs.Reactions)
			p.commentList = append(p.commentList, &c)
			s.comments[c.ID] = &c
		}
		s.posts[p.ID] = &p
		s.postOrder = append(s.postOrder, &p)
	}
	s.notifs = orEmpty(snap.Notifs)
	clear(s.idem)
	for k, r := range snap.Idem {
		s.idem[k] = &idemRecord{hash: r.Hash, status: r.Status, header: r.Header, body: r.Body}
	}
	s.mod = &modState{Colonies: map[string]*colonyMod{}}
	if snap.Moderation != nil {
		s.mod.Colonies, s.mod.Invites, s.mod.Transfers = orEmpty(snap.Moderation.Colonies), snap.Moderation.Invites, snap.Moderation.Transfers
		s.mod.Deletions = snap.Moderation.Deletions
	}
	return s.restoreMessagingLocked(snap)
}

func (s *Server) restoreMessagingLocked(snap *snapshot) error {
	m := s.msg
	clear(m.convs)
	clear(m.dmByPair)
	clear(m.messages)
	clear(m.attachments)
	clear(m.saved)
	for _, as := range snap.Attachments {
		m.attachments[as.ID] = &attachment{ID: as.ID, uploaderID: as.UploaderID, img: imageIn(as.Image),
			deleted: as.Deleted, createdAt: as.CreatedAt}
	}
	var replies []reply
	for i := range snap.Convs {
		r, err := s.restoreConvLocked(&snap.Convs[i])
		if err != nil {
			return err
		}
		replies = append(replies, r...)
	}
	for _, r := range replies {
		r.msg.replyTo = m.messages[r.to]
	}
	for _, cs := range snap.Convs {
		c := m.convs[cs.ID]
		for _, p := range cs.Pins {
			if msg := m.messages[p.MessageID]; msg != nil {
				c.pins = append(c.pins, &pin{msg: msg, at: p.At})
			}
		}
	}
	for uid, list := range snap.Saved {
		for _, e := range list {
			if msg := m.messages[e.MessageID]; msg != nil {
				m.saved[uid] = append(m.saved[uid], &savedEntry{msg: msg, at: e.At})
			}
		}
	}
	p := s.ppl
	p.follows, p.blocks, p.reports, p.actions = orEmpty(snap.Follows), orEmpty(snap.Blocks), snap.Reports, orEmpty(snap.Actions)
	clear(p.vaults)
	for uid, v := range snap.Vaults {
		p.vaults[uid] = &vault{quota: v.Quota, files: orEmpty(v.Files)}
	}
	clear(p.webhooks)
	for _, h := range snap.Webhooks {
		p.webhooks[h.ID] = h
	}
	s.soc.restore(snap.Social)
	s.x.restore(snap.Extras)
	s.acct.restore(snap.Account)
	s.later.restore(snap.Later)
	s.orgs = newOrgState() // a file from before organisations has none
	if o := snap.Orgs; o != nil {
		s.orgs.Disclosures = o.Disclosures
		s.orgs.Orgs, s.orgs.Invites = orEmpty(o.Orgs), orEmpty(o.Invites)
		s.orgs.Served, s.orgs.Operators = orEmpty(o.Served), orEmpty(o.Operators)
	}
	return nil
}

// restoreConvLocked restores one conversation and its messages, and
// returns the replies whose quoted message is linked once all are back.
func (s *Server) restoreConvLocked(cs *convSnap) ([]reply, error) {
	m := s.msg
	var replies []reply
	c := &conversation{ID: cs.ID, IsGroup: cs.IsGroup, Title: cs.Title, Description: cs.Description,
		CreatorID: cs.CreatorID, Template: cs.Template, CreatedAt: cs.CreatedAt, LastAt: cs.LastAt,
		parts: map[string]*participant{}, avatarVer: cs.AvatarVer}
	for _, ps := range cs.Parts {
		c.addParticipant(ps.UserID, &participant{userID: ps.UserID, admin: ps.Admin, pending: ps.Pending,
			muted: ps.Muted, mutedUntil: ps.MutedUntil, snoozedUntil: ps.SnoozedUntil, receipts: ps.Receipts,
			spamAt: ps.SpamAt, spamReason: ps.SpamReason})
	}
	for _, ms := range cs.Msgs {
		msg := &message{ID: ms.ID, conv: c, senderID: ms.SenderID, body: ms.Body, createdAt: ms.CreatedAt,
			editedAt: ms.EditedAt, deleted: ms.Deleted, reads: orEmpty(ms.Reads)}
		for _, id := range ms.Attachments {
			a := m.attachments[id]
			if a == nil {
				return nil, fmt.Errorf("state file: message %s has unknown attachment %s", ms.ID, id)
			}
			msg.attachments = append(msg.attachments, a)
		}
		for _, v := range ms.Versions {
			msg.versions = append(msg.versions, msgVersion{body: v.Body, at: v.At})
		}
		for _, r := range ms.Reactions {
			msg.reactions = append(msg.reactions, &msgReaction{emoji: r.Emoji, userID: r.UserID, createdAt: r.CreatedAt})
		}
		if ms.ReplyTo != "" {
			replies = append(replies, reply{msg, ms.ReplyTo})
		}
		c.msgs = append(c.msgs, msg)
		m.messages[msg.ID] = msg
	}
	if cs.Avatar != nil {
		c.avatar = imageIn(*cs.Avatar)
	}
	m.convs[c.ID] = c
	if !c.IsGroup && len(c.order) == 2 {
		m.dmByPair[pairKey(c.order[0], c.order[1])] = c
	}
	return replies, nil
}

// reply is a restored message and the id of the message it quotes.
type reply struct {
	msg *message
	to  string
}

func imageIn(is imageSnap) *storedImage {
	img := &storedImage{data: is.Data, mime: is.Mime, hash: sha256.Sum256(is.Data)}
	if is.Width != nil {
		img.width = *is.Width
	}
	if is.Height != nil {
		img.height = *is.Height
	}
	return img
}

// orEmpty returns m, or an empty map when the file had none.
// convertMap copies m with each value converted by f, a state area's
// records to their snapshots or back. The copy is never nil.
func convertMap[K comparable, A, B any](m map[K]A, f func(A) B) map[K]B {
	out := make(map[K]B, len(m))
	for k, v := range m {
		out[k] = f(v)
	}
	return out
}

// convertLists is convertMap for a map of lists, converting element by
// element; an empty list is left out.
func convertLists[K comparable, A, B any](m map[K][]A, f func(A) B) map[K][]B {
	out := make(map[K][]B, len(m))
	for k, list := range m {
		for _, v := range list {
			out[k] = append(out[k], f(v))
		}
	}
	return out
}

// convertList copies list with each element converted by f; an empty list
// becomes nil.
func convertList[A, B any](list []A, f func(A) B) []B {
	var out []B
	for _, v := range list {
		out = append(out, f(v))
	}
	return out
}

func orEmpty[M ~map[K]V, K comparable, V any](m M) M {
	if m == nil {
		return M{}
	}
	return m
}

// ---- the file ----

// openState loads the state file into s, or, when there is none yet,
// writes the seeded state to it. Call before serving.
func (s *Server) openState(path string) error {
	s.store = &stateStore{path: path}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s.saveState()
	case err != nil:
		return fmt.Errorf("reading the state file: %w", err)
	}
	var snap snapshot
	if err := json.Unmarshal(b, &snap); err != nil {
		return fmt.Errorf("state file %s is not a colonytest state: %w", path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.restoreLocked(&snap); err != nil {
		return fmt.Errorf("state file %s: %w", path, err)
	}
	// What the file holds, as saveState compares it, so an unchanged
	// state is not written again.
	now := s.snapshotLocked()
	now.Seq = 0
	s.store.last, _ = json.Marshal(now)
	s.store.restored = true
	return nil
}

// Restored reports whether the server's state came from an existing state
// file rather than from the seed.
func (s *Server) Restored() bool { return s.store != nil && s.store.restored }

// saveState writes the current state to the state file when it changed
// since the last write. Saves run one at a time (persistMu), each with a
// snapshot taken after the previous one, so the file never goes back in
// time.
func (s *Server) saveState() error {
	if s.store == nil {
		return nil
	}
	s.persistMu.Lock()
	defer s.persistMu.Unlock()
	s.mu.Lock()
	snap := s.snapshotLocked()
	seq := snap.Seq
	snap.Seq = 0
	cmpBytes, err := json.Marshal(snap)
	if err == nil && bytes.Equal(cmpBytes, s.store.last) {
		s.mu.Unlock()
		return nil
	}
	snap.Seq = seq
	var doc []byte
	if err == nil {
		doc, err = json.MarshalIndent(snap, "", " ")
	}
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("encoding the state: %w", err)
	}
	if err := writeFileAtomic(s.store.path, doc); err != nil {
		return err
	}
	s.store.last = cmpBytes
	return nil
}

// writeFileAtomic replaces path with data: a temporary file in the same
// directory, synced, then renamed over path, then the directory synced.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing the state file: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("writing the state file: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// ---- serving durably ----

// handle is the entry point of every request (listener, Transport,
// ServeHTTP). Without a state file it is serve. With one, the answer is
// held back until the state it reflects is on disk; a failed save answers
// 500 instead, so no client ever sees a write that could be lost.
func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	if s.store == nil {
		s.serve(w, r)
		return
	}
	held := &heldWriter{bufferedWriter: newBufferedWriter()}
	s.serve(held, r)
	if err := s.saveState(); err != nil {
		writeError(w, http.StatusInternalServerError, "STATE_NOT_SAVED", "colonytest: "+err.Error())
		return
	}
	if held.dropped {
		s.answerFault(&statusRecorder{ResponseWriter: w}, &Fault{Drop: true})
		return
	}
	for k, v := range held.h {
		w.Header()[k] = v
	}
	if held.status == 0 {
		held.status = http.StatusOK
	}
	w.WriteHeader(held.status)
	_, _ = w.Write(held.body.Bytes())
}

// heldWriter buffers an answer until the state is saved; a dropped
// connection (DropNext) is passed on after the save.
type heldWriter struct {
	*bufferedWriter
	dropped bool
}

func (h *heldWriter) drop() { h.dropped = true }
