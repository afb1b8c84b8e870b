package colonytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// snapshotJSON is the server's state as the state file holds it, without
// the request counter.
func snapshotJSON(t *testing.T, s *Server) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := s.snapshotLocked()
	snap.Seq = 0
	b, err := json.MarshalIndent(snap, "", " ")
	require.NoError(t, err)
	return string(b)
}

// restart closes s, whose state is in the file at path, and starts a new
// server from that file (with opts), which must come back with the same
// state byte for byte.
func restart(t *testing.T, s *Server, path string, opts ...Option) *Server {
	t.Helper()
	before := snapshotJSON(t, s)
	s.Close()
	b := NewServer(t, append(slices.Clone(opts), WithStateFile(path))...)
	require.True(t, b.Restored())
	require.Equal(t, before, snapshotJSON(t, b))
	return b
}

// stateServer starts a server (with opts) on a new state file, and returns
// it and the file's path.
func stateServer(t *testing.T, opts ...Option) (*Server, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	return NewServer(t, append(slices.Clone(opts), WithStateFile(path))...), path
}

// restarted starts a server with a state file (and opts), lets build fill
// it through the API, and restarts it from the file: it returns the new
// server and what build returned.
func restarted[F any](t *testing.T, build func(*testing.T, *Server) F, opts ...Option) (*Server, F) {
	t.Helper()
	a, path := stateServer(t, opts...)
	f := build(t, a)
	return restart(t, a, path, opts...), f
}

// restartCheck is one thing a restarted server must still know, checked
// through the API.
type restartCheck struct {
	name  string
	check func(t *testing.T)
}

// runChecks runs each check as a subtest, in order.
func runChecks(t *testing.T, checks []restartCheck) {
	t.Helper()
	for _, c := range checks {
		t.Run(c.name, c.check)
	}
}

// errCode is the API error code of err, "" when it has none.
func errCode(err error) string {
	var e *colony.APIError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde")

// populate touches every kind of state through the API.
func populate(t *testing.T, s *Server) (postID string) {
	t.Helper()
	ctx := t.Context()
	me := s.Client(t)
	bob := s.AddAgent("bobby")
	other := s.ClientFor(t, bob)

	post, err := me.CreatePost(ctx, "Persisted", "Survives restarts.", &colony.CreatePostOptions{Colony: "findings"},
		colony.WithIdempotencyKey("persist-key-1"))
	require.NoError(t, err)
	c, err := other.CreateComment(ctx, post.ID, "A comment.", nil)
	require.NoError(t, err)
	_, err = me.CreateComment(ctx, post.ID, "A reply.", &colony.CreateCommentOptions{ParentID: c.ID})
	require.NoError(t, err)
	_, err = other.VotePost(ctx, post.ID, 1)
	require.NoError(t, err)
	_, err = me.VoteComment(ctx, c.ID, 1)
	require.NoError(t, err)
	_, err = other.ReactPost(ctx, post.ID, colony.ReactionFire)
	require.NoError(t, err)
	_, err = me.JoinColony(ctx, "art")
	require.NoError(t, err)

	dm, err := me.SendMessage(ctx, "bobby", "hi bobby")
	require.NoError(t, err)
	_, err = other.SendMessage(ctx, s.Agent().Username, "hi back")
	require.NoError(t, err)
	_, err = other.AddMessageReaction(ctx, dm.ID, "👍")
	require.NoError(t, err)
	_, err = me.EditMessage(ctx, dm.ID, "hi bobby (edited)")
	require.NoError(t, err)
	_, err = me.ToggleStarMessage(ctx, dm.ID)
	require.NoError(t, err)
	up, err := me.UploadMessageAttachment(ctx, "dot.png", bytes.NewReader(pngBytes), "image/png")
	require.NoError(t, err)
	_, err = me.Raw(ctx, http.MethodPost, "/messages/send/bobby",
		map[string]any{"body": "with a picture", "attachment_ids": []string{up.ID}, "reply_to_message_id": dm.ID})
	require.NoError(t, err)

	g, err := me.CreateGroupConversation(ctx, "Crew", []string{"bobby"})
	require.NoError(t, err)
	_, err = other.RespondToGroupInvite(ctx, g.ID, true)
	require.NoError(t, err)
	gm, err := me.SendGroupMessage(ctx, g.ID, "group hello", nil)
	require.NoError(t, err)
	_, err = me.PinGroupMessage(ctx, g.ID, gm.ID)
	require.NoError(t, err)
	_, err = other.MuteGroupConversation(ctx, g.ID, colony.MuteOneHour)
	require.NoError(t, err)

	_, err = me.VaultUploadFile(ctx, "notes/today.md", "# persisted")
	require.NoError(t, err)
	_, err = me.CreateWebhook(ctx, "http://127.0.0.1:1/hook", []colony.WebhookEvent{colony.EventPostCreated}, "0123456789abcdef0123")
	require.NoError(t, err)
	_, err = me.Follow(ctx, bob.ID)
	require.NoError(t, err)
	_, err = other.BlockUser(ctx, s.AddAgent("spammer").ID)
	require.NoError(t, err)
	return post.ID
}

// TestStateFileRoundTrip: everything the API can change comes back, byte
// for byte in the snapshot, after a restart from the state file.
func TestStateFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, err := Start(WithDemoData(), WithStateFile(path))
	require.NoError(t, err)
	assert.False(t, a.Restored())
	postID := populate(t, a)
	before := snapshotJSON(t, a)
	key := a.Agent().APIKey
	a.Close()

	b, err := Start(WithStateFile(path)) // no seed: the file wins
	require.NoError(t, err)
	defer b.Close()
	assert.True(t, b.Restored())
	assert.Equal(t, before, snapshotJSON(t, b))
	assert.Equal(t, key, b.Agent().APIKey, "the default agent keeps its key")

	// And it serves it: the post, its comments, the DMs, the vault.
	ctx := t.Context()
	me := b.Client(t)
	p, err := me.GetPost(ctx, postID)
	require.NoError(t, err)
	assert.Equal(t, 1, p.Score)
	comments, err := me.GetComments(ctx, postID, nil)
	require.NoError(t, err)
	assert.Len(t, comments.Items, 2)
	conv, err := me.GetConversation(ctx, "bobby")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(conv.Messages), 2)
	f, err := me.VaultGetFile(ctx, "notes/today.md")
	require.NoError(t, err)
	assert.Equal(t, "# persisted", f.Content)
	hooks, err := me.GetWebhooks(ctx)
	require.NoError(t, err)
	assert.Len(t, hooks, 1)
	// The idempotency record survived: the same key replays the post.
	var meta colony.ResponseMeta
	again, err := me.CreatePost(ctx, "Persisted", "Survives restarts.", &colony.CreatePostOptions{Colony: "findings"},
		colony.WithIdempotencyKey("persist-key-1"), colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, postID, again.ID)
	assert.True(t, meta.Replayed)
}

// TestStateFileAcknowledgedWritesAreOnDisk: once a write is answered, the
// file holds it, with no Close and no temporary file left behind.
func TestStateFileAcknowledgedWritesAreOnDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	s := NewServer(t, WithStateFile(path))
	c := s.Client(t)
	for i := range 3 {
		p, err := c.CreatePost(t.Context(), "Post", "Body.", nil)
		require.NoError(t, err, "post %d", i)
		var snap snapshot
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &snap))
		assert.True(t, slices.ContainsFunc(snap.Posts, func(ps postSnap) bool { return ps.ID == p.ID }), "post %d on disk", i)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the state file: temporary files are renamed or removed")
}

// TestStateFileIsPrivate: the file holds API keys and TOTP secrets, so
// only its owner may read it, when created and after every rewrite.
func TestStateFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permission bits")
	}
	path := filepath.Join(t.TempDir(), "state.json")
	s := NewServer(t, WithStateFile(path))
	mode := func() os.FileMode {
		info, err := os.Stat(path)
		require.NoError(t, err)
		return info.Mode().Perm()
	}
	assert.Equal(t, os.FileMode(0o600), mode(), "created from the seed")
	_, err := s.Client(t).Enroll2FA(t.Context())
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), mode(), "rewritten with a TOTP secret in it")
}

// TestStateFileFromBeforeAnArea: a file written before extras, account
// and later state were saved loads, with that area empty, and keeps the
// rest.
func TestStateFileFromBeforeAnArea(t *testing.T) {
	tests := []struct {
		key  string
		area func(*Server) any
		zero any
	}{
		{"extras", func(s *Server) any { return s.x.snapshot() }, newExtrasState().snapshot()},
		{"account", func(s *Server) any { return s.acct.snapshot() }, newAccountState().snapshot()},
		{"later", func(s *Server) any { return s.later.snapshot() }, newLaterState().snapshot()},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			a := NewServer(t, WithStateFile(path))
			a.AddSystemNotification("info", "Hello", "World.")
			a.AddAudience("partner-app")
			_, err := a.Client(t).CreateEcho(t.Context(), a.AddPost(a.Agent(), PostSpec{Title: "Kept", Body: "B"}), "Echoed.")
			require.NoError(t, err) // a write: the file has all three areas, none of them empty
			a.Close()
			var doc map[string]json.RawMessage
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &doc))
			require.Contains(t, doc, tt.key)
			delete(doc, tt.key)
			b, err = json.Marshal(doc)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(path, b, 0o600))
			s := NewServer(t, WithStateFile(path))
			assert.Equal(t, tt.zero, tt.area(s))
			assert.Contains(t, snapshotJSON(t, s), `"Title": "Kept"`)
		})
	}
}

// TestStateFileTokensSurvive: a token issued before a restart still
// authenticates a plain HTTP request after it (what curl users keep).
func TestStateFileTokensSurvive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, err := StartSandbox("127.0.0.1:0", WithStateFile(path))
	require.NoError(t, err)
	resp, err := http.Post(a.URL()+"/auth/token", "application/json", strings.NewReader(`{"api_key":"`+a.Agent().APIKey+`"}`))
	require.NoError(t, err)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tok))
	resp.Body.Close()
	require.NotEmpty(t, tok.AccessToken)
	require.NoError(t, a.Close())

	b, err := StartSandbox("127.0.0.1:0", WithStateFile(path))
	require.NoError(t, err)
	defer b.Close()
	req, err := http.NewRequest(http.MethodGet, b.URL()+"/users/me", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), `"username":"test-agent"`)
}

// TestStateFileBadFile: a file that is not a state fails Start with a
// message naming it, and the file is left alone.
func TestStateFileBadFile(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"not JSON", "{", "is not a colonytest state"},
		{"other format", `{"format": 99}`, "format 99"},
		{"no default agent", `{"format": 1}`, "no default agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o600))
			_, err := Start(WithStateFile(path))
			require.ErrorContains(t, err, tt.want)
			got, _ := os.ReadFile(path)
			assert.Equal(t, tt.content, string(got))
		})
	}
}

// TestStateFileFaultAfterWriteIsSaved: a committed write whose answer is
// lost (FailNext AfterHandler) is on disk though the client saw a failure,
// and DropNext still drops (in memory: over a socket, net/http itself
// retries a GET on a reused connection that was closed).
func TestStateFileFaultAfterWriteIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := NewServer(t, WithStateFile(path), WithoutNetwork())
	s.FailNext("POST /posts", 1, Fault{Status: 502, AfterHandler: true})
	s.DropNext("GET /posts", 1)
	c := s.Client(t, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
	_, err := c.CreatePost(t.Context(), "Committed", "Then lost.", nil)
	require.ErrorIs(t, err, colony.ErrServer)
	_, err = c.GetPosts(t.Context(), nil)
	require.ErrorIs(t, err, colony.ErrNetwork, "a dropped connection still drops with a state file")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"Title": "Committed"`)
}

// fieldList names the fields of a state struct, in their order.
type fieldList struct {
	v      any
	fields string
}

// checkFields fails when a struct's fields are not its list: file must
// save the new field (snapshot and restore), then the list must name it.
func checkFields(t *testing.T, file string, lists []fieldList) {
	t.Helper()
	for _, tt := range lists {
		ty := reflect.TypeOf(tt.v)
		var got []string
		for i := range ty.NumField() {
			got = append(got, ty.Field(i).Name)
		}
		assert.Equal(t, tt.fields, strings.Join(got, " "),
			"%s changed: save the new field in %s (snapshot and restore), then update this list", ty.Name(), file)
	}
}

// TestSnapshotCoversEveryStateField fails when a state struct gains a
// field: the file that saves its area must save it (or the list must say
// why it need not).
func TestSnapshotCoversEveryStateField(t *testing.T) {
	checkFields(t, "persist.go", coreStateFields)
	checkFields(t, "extras_persist.go", extrasStateFields)
	checkFields(t, "account_persist.go", accountStateFields)
	checkFields(t, "later_persist.go", laterStateFields)
}

// coreStateFields are the structs persist.go saves, and Server's fields:
// x, acct and later are saved by the files of the lists below; the
// request log, faults, overrides, route tables, X-RateLimit counters
// (rateUsed), event sinks and the store are the running server's, not kept.
var coreStateFields = []fieldList{
	{Server{}, "opts hs url mux tb mu seq users usersByName usersByKey tokens colonies posts postOrder comments notifs idem " +
		"faults overrides patterns shapes log rateUsed events defaultAgent msg ppl soc orgs x acct mod store persistMu later"},
	{modState{}, "Colonies Invites Transfers Deletions"},
	{deletionRec{}, "ID ColonyID Reason Status CreatedAt"},
	{ownershipTransfer{}, "ID ColonyID InitiatorID RecipientID Status CreatedAt RespondedAt"},
	{modInvite{}, "ID ColonyID InviterID InviteeID Role Permissions Status CreatedAt ExpiresAt"},
	{colonyMod{}, "Roles Founder Bans Strikes Pending Rules Items Appeals Reasons PostFlairs UserFlairs MemberFlairs Notes Modmail Log Settings"},
	{flairRec{}, "ID Label BackgroundColor TextColor ModOnly Position"},
	{memberNote{}, "ID UserID AuthorID Body CreatedAt"},
	{modmailRec{}, "ConversationID OpenerID CreatedAt"},
	{modLogEntry{}, "ModID Source Action ItemAt At"},
	{colonySettings{}, "Rules WelcomeMessage DefaultSort AccentColor ShowRulesBanner RequiresPostApproval RequireFlair BannedWords " +
		"ReportReasons BannedWordsAction UndoWindowSeconds MinKarmaToPost MinKarmaToComment MinKarmaToVote MinKarmaToJoin StrikeThreshold StrikeAction"},
	{removalReason{}, "ID Label Body Position"},
	{appealRec{}, "ID UserID Body Status Note CreatedAt"},
	{autoModRule{}, "ID Name Scope Enabled Triggers Actions CreatedAt"},
	{modItem{}, "Source ID PostID RuleID Status CreatedAt"},
	{banRec{}, "UserID Reason BannedAt ExpiresAt"},
	{strikeRec{}, "ID Reason Severity IssuedBy CreatedAt"},
	{user{}, "ID Username DisplayName Bio UserType Karma APIKey TeamRole Capabilities CreatedAt"},
	{token{}, "userID expires"},
	{colonyRec{}, "ID Name DisplayName Description IsSandbox PostCount CreatedAt members"},
	{post{}, "ID AuthorID ColonyID Type Title Body Client Metadata Tags Score Comments Scanned Deleted CreatedAt UpdatedAt " +
		"LastComment seq votes reactions pollVotes commentList"},
	{comment{}, "ID PostID ParentID AuthorID Body Client Score Scanned Deleted CreatedAt UpdatedAt votes reactions"},
	{notification{}, "ID Type Message PostID CommentID ActorID IsRead CreatedAt"},
	{idemRecord{}, "hash status header body"},
	{messagingState{}, "convs dmByPair messages attachments saved"},
	{conversation{}, "ID IsGroup Title Description CreatorID Template CreatedAt LastAt parts order msgs pins avatar avatarVer"},
	{participant{}, "userID admin pending muted mutedUntil snoozedUntil receipts spamAt spamReason"},
	{message{}, "ID conv senderID body replyTo attachments createdAt editedAt deleted versions reactions reads"},
	{msgVersion{}, "body at"},
	{msgReaction{}, "emoji userID createdAt"},
	{pin{}, "msg at"},
	{savedEntry{}, "msg at"},
	{storedImage{}, "data mime width height hash"},
	{attachment{}, "ID uploaderID img deleted createdAt"},
	{peopleState{}, "follows blocks reports vaults webhooks hooks actions"},
	{report{}, "ID ReporterID ColonyID PostID CommentID Reason Description Custom Status CreatedAt"},
	{vault{}, "quota files"},
	{vaultFile{}, "Name Content CreatedAt UpdatedAt"},
	{webhookRec{}, "ID OwnerID URL Secret Events Active Failures LastTriggered CreatedAt"},
	{orgState{}, "Orgs Invites Disclosures Served Operators"},
	{orgRec{}, "ID Slug Name Description Disclosure CreatorID CreatedAt Members Challenges VerifiedDomains Resources Grants Deletion"},
	{orgMember{}, "UserID Role Visible Operated JoinedAt"},
	{orgInv{}, "ID OrgID UserID InviterID Role CreatedAt"},
	{orgDisclosure{}, "UserID OrgID Client First Last"},
	{orgChallenge{}, "ID Domain Method Token Status CreatedAt ExpiresAt VerifiedAt"},
	{orgResource{}, "ID Identifier Label CreatedAt"},
	{orgGrant{}, "ID Resource Scopes MinRole MaxTTL CreatedAt"},
	{orgDeletion{}, "Reason RequestedAt ScheduledFor"},
}

// extrasStateFields are the structs extras_persist.go saves. recorderID is
// the fake chain's constant, set by newExtrasState, and not saved.
var extrasStateFields = []fieldList{
	{extrasState{}, "echoes echoTimes wiki puzzles puzzleMade boosts tips notarised notarySeq lastEntry recorderID"},
	{echoRec{}, "ID UserID PostID Commentary CreatedAt Deleted"},
	{wikiPage{}, "Colony Slug Title Content Category Locked Deleted CreatedBy UpdatedBy CreatedAt UpdatedAt revisions"},
	{wikiRevision{}, "ID Title Content Summary AuthorID CreatedAt"},
	{puzzleRec{}, "ID Slug Title Description Type Content Answer Difficulty Colony AuthorID CreatedAt started solved"},
	{boostRec{}, "ID PostID Tier PaymentHash AmountSats DurationDays CreatedAt PaidAt"},
	{tipRec{}, "ID TipperID RecipientID PostID CommentID PaymentHash AmountSats CreatedAt PaidAt"},
	{notarisation{}, "SubjectType SubjectID AuthorID Canonical PayloadHash Seq EntryHash At"},
}

// accountStateFields are the structs account_persist.go saves.
var accountStateFields = []fieldList{
	{accountState{}, "pending used emails outbox recovery tfa tickets premiumOn premium invoices audiences"},
	{pendingReg{}, "spec id key expires"},
	{UserSpec{}, "Username DisplayName Bio UserType Karma TeamRole Capabilities"},
	{emailRec{}, "verified pending pendingToken"},
	{recoveryRec{}, "userID expires"},
	{Mail{}, "Kind Username To Token"},
	{twoFactor{}, "secret lastStep codes"},
	{enrolTicket{}, "userID secret expires"},
	{premiumRec{}, "until autoRenew period history"},
	{invoice{}, "hash membershipID period status sats userID created starts ends"},
}

// laterStateFields are the structs later_persist.go saves.
var laterStateFields = []fieldList{
	{laterState{}, "posts colonies system dmArchived"},
	{postState{}, "pinned closedAt language crosspostOf"},
	{colonyState{}, "communityType icon header"},
	{systemNotice{}, "id level title body at"},
}

// TestStateFileReadsDoNotRewrite: a request that changes nothing (a read)
// leaves the file as it is, after a start from it too.
func TestStateFileReadsDoNotRewrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, err := Start(WithStateFile(path))
	require.NoError(t, err)
	a.AddPost(a.Agent(), PostSpec{Title: "T", Body: "B"}) // the counter moves: the file has seq 1
	a.Close()
	s := NewServer(t, WithStateFile(path))
	before, err := os.Stat(path)
	require.NoError(t, err)
	for range 3 { // public reads: no token exchange, which is a write
		resp, err := http.Get(s.URL() + "/posts")
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	after, err := os.Stat(path)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "reads did not replace the file")
}
