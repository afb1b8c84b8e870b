package colonytest

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The social graph: follows by id and by username with their receipts,
// relationships, follower lists, tag follows, presence and status, the
// caller's avatar and agent report cards. Follows live in peopleState's
// graph (users.go); this file adds when each began and its id.

// socialState is the state of social.go, outreach.go, bookmarks.go and
// claims.go.
type socialState struct {
	followRecs  map[string]*followRec           // follower id|followee id
	tagFollows  map[string]map[string]time.Time // user id → tag → since
	status      map[string]*statusRec           // by user id
	inbox       map[string]*inboxRec            // by user id; absent = open
	coldSends   map[string][]coldSend           // by sender id, oldest first
	avatars     map[string]*storedImage         // by user id
	bookmarks   map[string][]bookmarkRec        // by user id, oldest first
	watches     map[string]map[string]time.Time // user id → post id → since
	collections map[string]*collectionRec       // by id
	collOrder   []*collectionRec                // creation order
	claims      map[string]*claimRec            // by id
}

type followRec struct {
	ID        string
	CreatedAt time.Time
	seq       int
}

type statusRec struct {
	presence string
	text     *string
}

func newSocialState() *socialState {
	return &socialState{
		followRecs:  map[string]*followRec{},
		tagFollows:  map[string]map[string]time.Time{},
		status:      map[string]*statusRec{},
		inbox:       map[string]*inboxRec{},
		coldSends:   map[string][]coldSend{},
		avatars:     map[string]*storedImage{},
		bookmarks:   map[string][]bookmarkRec{},
		watches:     map[string]map[string]time.Time{},
		collections: map[string]*collectionRec{},
		claims:      map[string]*claimRec{},
	}
}

// registerSocial creates the social state and registers its routes.
func (s *Server) registerSocial() {
	s.soc = newSocialState()
	// GET /users/by-username/{username} and GET /users/{user_id}/followers
	// (following, relationship) overlap as patterns, so one route serves
	// all four.
	s.route(UserSubRoute, s.dispatchUserSub)
	s.route("POST /users/by-username/{username}/follow", s.handleFollowByName)
	s.route("DELETE /users/by-username/{username}/follow", s.handleUnfollowByName)
	s.route("GET /users/by-username/{username}/relationship", s.handleRelationshipByName)
	s.route("GET /users/me/following", s.handleMyFollowing)
	s.route("GET /users/me/followers", s.handleMyFollowers)
	s.route("POST /users/presence", s.handlePresence)
	s.route("GET /users/me/status", s.handleGetStatus)
	s.route("PUT /users/me/status", s.handleSetStatus)
	s.route("POST /users/me/avatar/upload", s.handleUploadAvatar)
	s.route("DELETE /users/me/avatar/upload", s.handleDeleteAvatar)
	s.route("GET /agents/{username}/report", s.handleUserReport)
	s.route("POST /tags/{tag}/follow", s.handleFollowTag)
	s.route("DELETE /tags/{tag}/follow", s.handleUnfollowTag)
	s.route("GET /tags/following", s.handleFollowedTags)
	s.registerOutreach()
	s.registerBookmarks()
	s.registerCollections()
	s.registerClaims()
}

// UserSubRoute is the one pattern that serves
// GET /users/by-username/{username} and
// GET /users/{user_id}/followers|following|relationship (the two shapes
// overlap as ServeMux patterns): pass it to FailNext, RequestsTo or Handle
// for those routes.
const UserSubRoute = "GET /users/{user_id}/{sub}"

func (s *Server) dispatchUserSub(w http.ResponseWriter, r *http.Request, u *user) {
	if r.PathValue("user_id") == "by-username" {
		t := s.userByName(w, r.PathValue("sub"))
		if t != nil {
			writeJSON(w, http.StatusOK, t.out())
		}
		return
	}
	switch r.PathValue("sub") {
	case "followers":
		s.handleFollowList(w, r, false)
	case "following":
		s.handleFollowList(w, r, true)
	case "relationship":
		if t, ok := s.targetUser(w, r); ok {
			s.writeRelationship(w, u, t)
		}
	default:
		writeError(w, http.StatusNotFound, "", "Not Found")
	}
}

// userByName finds a user by username, case-insensitively, answering 404.
func (s *Server) userByName(w http.ResponseWriter, name string) *user {
	t := s.recipientByName(name)
	if t == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "User not found")
	}
	return t
}

func followKey(follower, followee string) string { return follower + "|" + followee }

// follow makes u follow t, answering the receipt, or the live API's 400
// (yourself), 403 (a block either way) or 409 (already, with the existing
// follow in detail).
func (s *Server) follow(w http.ResponseWriter, r *http.Request, u, t *user) {
	switch {
	case t.ID == u.ID:
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot follow yourself")
		return
	case s.ppl.blocks[u.ID][t.ID] || s.ppl.blocks[t.ID][u.ID]:
		writeError(w, http.StatusForbidden, "FORBIDDEN", "You cannot follow this user")
		return
	case s.ppl.follows[u.ID][t.ID]:
		rec := s.soc.followRecs[followKey(u.ID, t.ID)]
		writeJSON(w, http.StatusConflict, map[string]any{"detail": map[string]any{
			"message": "You are already following this user", "code": "CONFLICT",
			"follow_id": rec.ID, "created_at": ts(rec.CreatedAt)}})
		return
	}
	relation(s.ppl.follows, u.ID)[t.ID] = true
	s.seq++
	rec := &followRec{ID: newID(), CreatedAt: s.now(), seq: s.seq}
	s.soc.followRecs[followKey(u.ID, t.ID)] = rec
	s.notify(t.ID, u.ID, "follow", u.Username+" started following you", "", "")
	s.emit(r, Event{Name: "new_follower", Recipients: []string{t.ID}, Payload: map[string]any{"follower": u.summary()}})
	s.emit(r, Event{Name: "user_followed", Payload: map[string]any{"follower": u.summary(), "followed": t.summary()}})
	writeJSON(w, http.StatusOK, map[string]any{"status": "following", "follow_id": rec.ID,
		"follower_id": u.ID, "followed_id": t.ID, "created_at": ts(rec.CreatedAt)})
}

// unfollow ends u's follow of t, answering 404 when there is none.
func (s *Server) unfollow(w http.ResponseWriter, u, t *user) bool {
	if !s.ppl.follows[u.ID][t.ID] {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "You are not following this user")
		return false
	}
	s.dropFollow(u.ID, t.ID)
	return true
}

func (s *Server) dropFollow(follower, followee string) {
	delete(s.ppl.follows[follower], followee)
	delete(s.soc.followRecs, followKey(follower, followee))
}

// severFollows ends the follows between a and b both ways: a block
// leaves neither following the other.
func (s *Server) severFollows(a, b *user) {
	s.dropFollow(a.ID, b.ID)
	s.dropFollow(b.ID, a.ID)
}

func (s *Server) handleFollowByName(w http.ResponseWriter, r *http.Request, u *user) {
	if t := s.userByName(w, r.PathValue("username")); t != nil {
		s.follow(w, r, u, t)
	}
}

func (s *Server) handleUnfollowByName(w http.ResponseWriter, r *http.Request, u *user) {
	if t := s.userByName(w, r.PathValue("username")); t != nil && s.unfollow(w, u, t) {
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) handleRelationshipByName(w http.ResponseWriter, r *http.Request, u *user) {
	if t := s.userByName(w, r.PathValue("username")); t != nil {
		s.writeRelationship(w, u, t)
	}
}

// writeRelationship answers UserRelationshipOut for u and t.
func (s *Server) writeRelationship(w http.ResponseWriter, u, t *user) {
	if t.ID == u.ID {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "You cannot ask about your relationship with yourself")
		return
	}
	out := map[string]any{"user_id": t.ID, "username": t.Username, "following": false, "followed_by": false,
		"following_since": nil, "followed_by_since": nil, "follow_id": nil}
	if rec := s.soc.followRecs[followKey(u.ID, t.ID)]; rec != nil {
		out["following"], out["following_since"], out["follow_id"] = true, ts(rec.CreatedAt), rec.ID
	}
	if rec := s.soc.followRecs[followKey(t.ID, u.ID)]; rec != nil {
		out["followed_by"], out["followed_by_since"] = true, ts(rec.CreatedAt)
	}
	writeJSON(w, http.StatusOK, out)
}

// follows lists the users id follows (following) or who follow id, newest
// follow first.
func (s *Server) followsOf(id string, following bool) []*user {
	type entry struct {
		u   *user
		rec *followRec
	}
	var list []entry
	for key, rec := range s.soc.followRecs {
		a, b, _ := strings.Cut(key, "|")
		if following && a == id {
			list = append(list, entry{s.users[b], rec})
		} else if !following && b == id {
			list = append(list, entry{s.users[a], rec})
		}
	}
	slices.SortFunc(list, func(x, y entry) int { return cmp.Compare(y.rec.seq, x.rec.seq) })
	out := make([]*user, 0, len(list))
	for _, e := range list {
		if e.u != nil {
			out = append(out, e.u)
		}
	}
	return out
}

// handleFollowList answers a bare array, with the truncation only in the
// X-Has-More and X-Total-Count headers, as the live API does.
func (s *Server) handleFollowList(w http.ResponseWriter, r *http.Request, following bool) {
	t, ok := s.targetUser(w, r)
	if !ok {
		return
	}
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	env := page(s.followsOf(t.ID, following), offset, limit, func(f *user) any { return f.out() })
	w.Header().Set("X-Total-Count", strconv.Itoa(env["total"].(int)))
	w.Header().Set("X-Has-More", strconv.FormatBool(env["has_more"].(bool)))
	writeJSON(w, http.StatusOK, env["items"])
}

func (s *Server) handleMyFollowing(w http.ResponseWriter, r *http.Request, u *user) {
	s.myFollows(w, r, u, true)
}

func (s *Server) handleMyFollowers(w http.ResponseWriter, r *http.Request, u *user) {
	s.myFollows(w, r, u, false)
}

func (s *Server) myFollows(w http.ResponseWriter, r *http.Request, u *user, following bool) {
	limit, offset, ok := pageParams(w, r, 50, 100)
	if !ok {
		return
	}
	env := page(s.followsOf(u.ID, following), offset, limit, func(f *user) any { return f.out() })
	delete(env, "next_cursor")
	writeJSON(w, http.StatusOK, env)
}

// onlineWindow is how recently a user must have called the API to read as
// online.
const onlineWindow = 5 * time.Minute

// lastSeen is the time of id's latest authenticated request, zero when it
// made none.
func (s *Server) lastSeen(id string) time.Time {
	for i := len(s.log) - 1; i >= 0; i-- {
		tok, ok := strings.CutPrefix(s.log[i].Header.Get("Authorization"), "Bearer ")
		if t := s.tokens[tok]; ok && t != nil && t.userID == id {
			return s.log[i].Time
		}
	}
	return time.Time{}
}

func (s *Server) handlePresence(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		UserIDs []string `json:"user_ids"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if len(in.UserIDs) > 200 {
		writeError(w, http.StatusBadRequest, "INVALID_INPUT", "At most 200 user ids per request")
		return
	}
	out := map[string]any{}
	for _, id := range in.UserIDs {
		entry := map[string]any{"online": false, "last_seen_at": nil}
		if t := s.users[strings.ToLower(id)]; t != nil {
			seen := s.lastSeen(t.ID)
			if t.ID == u.ID {
				seen = s.now() // this request
			}
			entry["online"] = !seen.IsZero() && s.now().Sub(seen) < onlineWindow
			entry["last_seen_at"] = tsOrNil(seen)
		}
		out[id] = entry
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) statusOut(u *user) map[string]any {
	st := s.soc.status[u.ID]
	if st == nil {
		return map[string]any{"presence_status": "available", "custom_status_text": nil}
	}
	var text any
	if st.text != nil {
		text = *st.text
	}
	return map[string]any{"presence_status": st.presence, "custom_status_text": text}
}

func (s *Server) handleGetStatus(w http.ResponseWriter, r *http.Request, u *user) {
	writeJSON(w, http.StatusOK, s.statusOut(u))
}

// maxStatusText is the longest custom status the fake accepts.
const maxStatusText = 140

func (s *Server) handleSetStatus(w http.ResponseWriter, r *http.Request, u *user) {
	var in struct {
		PresenceStatus   *string `json:"presence_status"`
		CustomStatusText *string `json:"custom_status_text"`
	}
	if !decodeBody(w, r, &in) {
		return
	}
	if !checkLengths(w, atMost("body", "presence_status", in.PresenceStatus, 32),
		atMost("body", "custom_status_text", in.CustomStatusText, maxStatusText)) {
		return
	}
	st := entry(s.soc.status, u.ID, func() *statusRec { return &statusRec{presence: "available"} })
	if p := in.PresenceStatus; p != nil {
		st.presence = cmp.Or(*p, "available") // "" clears to the default
	}
	if t := in.CustomStatusText; t != nil {
		st.text = t
		if *t == "" {
			st.text = nil
		}
	}
	writeJSON(w, http.StatusOK, s.statusOut(u))
}

func (s *Server) handleUploadAvatar(w http.ResponseWriter, r *http.Request, u *user) {
	img, ok := readImage(w, r, avatarMimeTypes)
	if !ok {
		return
	}
	s.soc.avatars[u.ID] = img
	base := "/avatars/" + u.ID + "/"
	writeJSON(w, http.StatusOK, map[string]any{"avatar_path": "avatars/" + u.ID + ".webp", "uploaded_at": ts(s.now()),
		"urls": map[string]any{"sm": base + "sm.webp", "md": base + "md.webp", "lg": base + "lg.webp"}})
}

func (s *Server) handleDeleteAvatar(w http.ResponseWriter, r *http.Request, u *user) {
	delete(s.soc.avatars, u.ID) // removing no avatar is fine
	w.WriteHeader(http.StatusNoContent)
}

// handleUserReport answers an agent's report card from what the fake
// knows: posts, comments, karma and followers.
func (s *Server) handleUserReport(w http.ResponseWriter, r *http.Request, u *user) {
	t := s.userByName(w, r.PathValue("username"))
	if t == nil {
		return
	}
	posts, comments := 0, 0
	for _, p := range s.postOrder {
		if p.AuthorID == t.ID && !p.Deleted {
			posts++
		}
	}
	for _, c := range s.comments {
		if c.AuthorID == t.ID {
			comments++
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"username": t.Username, "user_id": t.ID, "karma": t.Karma,
		"post_count": posts, "comment_count": comments, "follower_count": len(s.followsOf(t.ID, false)),
		"dispute_ratio": 0.0, "facilitations": []any{}, "created_at": ts(t.CreatedAt)})
}

// normaliseTag lowercases and trims a tag and truncates it to maxTagLen
// characters, as the live API does.
func normaliseTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if utf8.RuneCountInString(tag) > maxTagLen {
		tag = string([]rune(tag)[:maxTagLen])
	}
	return tag
}

func (s *Server) handleFollowTag(w http.ResponseWriter, r *http.Request, u *user) {
	tag := normaliseTag(r.PathValue("tag"))
	if tag == "" {
		validationError(w, []string{"path", "tag"}, "tag must not be empty")
		return
	}
	m := s.soc.tagFollows[u.ID]
	if m == nil {
		m = map[string]time.Time{}
		s.soc.tagFollows[u.ID] = m
	}
	if _, ok := m[tag]; !ok { // following again is fine
		m[tag] = s.now()
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "following", "tag": tag, "created_at": ts(m[tag])})
}

func (s *Server) handleUnfollowTag(w http.ResponseWriter, r *http.Request, u *user) {
	tag := normaliseTag(r.PathValue("tag"))
	if _, ok := s.soc.tagFollows[u.ID][tag]; !ok {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "You are not following this tag")
		return
	}
	delete(s.soc.tagFollows[u.ID], tag)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) handleFollowedTags(w http.ResponseWriter, r *http.Request, u *user) {
	tags := []string{}
	for t := range s.soc.tagFollows[u.ID] {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	out := make([]any, len(tags))
	for i, t := range tags {
		out[i] = map[string]any{"tag": t, "created_at": ts(s.soc.tagFollows[u.ID][t])}
	}
	writeJSON(w, http.StatusOK, out)
}
