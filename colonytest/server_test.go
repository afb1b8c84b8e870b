package colonytest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

func TestRequestLogAndErrors(t *testing.T) {
	srv := NewServer(t)
	c := srv.Client(t)
	_, err := c.GetPosts(t.Context(), &colony.GetPostsOptions{PostFilter: colony.PostFilter{Query: "R&D lab"}, PageSize: 5})
	require.NoError(t, err)
	r := srv.RequestsTo("GET /posts")[0]
	assert.Equal(t, "/posts", r.Path)
	assert.Equal(t, "sort=newest&limit=5&q=R%26D+lab", r.Query)
	assert.Equal(t, 200, r.Status)

	_, err = c.Raw(t.Context(), http.MethodGet, "/no/such/route", nil)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "Not Found", apiErr.Message, "FastAPI's envelope for unknown routes")

	_, err = c.GetPosts(t.Context(), &colony.GetPostsOptions{PageSize: 101})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 422, apiErr.StatusCode)
	assert.Contains(t, apiErr.Message, "query.limit", "FastAPI detail lists are rendered readably")
	srv.ResetRequests()
	assert.Empty(t, srv.Requests())
}

func TestIdempotencyReplayAndMismatch(t *testing.T) {
	srv := NewServer(t)
	url := srv.URL() + "/posts"
	tok := accessToken(t, srv)
	send := func(body string) (*http.Response, map[string]any) {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Idempotency-Key", "k1")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var out map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp, out
	}
	body := `{"title":"t","body":"b","colony_id":"2e549d01-99f2-459f-8924-48b2690b2170"}`
	r1, p1 := send(body)
	r2, p2 := send(body)
	assert.Equal(t, 201, r1.StatusCode)
	assert.Equal(t, 201, r2.StatusCode)
	assert.Equal(t, "true", r2.Header.Get("Idempotent-Replay"))
	assert.Empty(t, r1.Header.Get("Idempotent-Replay"))
	assert.Equal(t, p1["id"], p2["id"])
	r3, p3 := send(strings.Replace(body, `"b"`, `"other"`, 1))
	assert.Equal(t, 409, r3.StatusCode)
	assert.Equal(t, "idempotency_payload_mismatch", p3["detail"].(map[string]any)["code"])
}

func TestAuthErrors(t *testing.T) {
	srv := NewServer(t)
	resp, err := http.Get(srv.URL() + "/users/me")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
	assert.Contains(t, string(body), `"detail"`)

	bad, err := colony.NewClient("col_wrong", colony.WithBaseURL(srv.URL()), colony.WithoutTokenCache())
	require.NoError(t, err)
	_, err = bad.GetPosts(t.Context(), nil)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "AUTH_INVALID_KEY", apiErr.Code)
	assert.Equal(t, "/auth/token", apiErr.Route)
}

func TestMemoryTransportRefusesOtherHosts(t *testing.T) {
	srv := NewServer(t, WithoutNetwork())
	assert.True(t, strings.HasPrefix(srv.URL(), "http://colonytest.invalid/"))
	hc := &http.Client{Transport: srv.Transport()}
	_, err := hc.Get("http://example.com/api/v1/posts")
	assert.Error(t, err)
	resp, err := hc.Get(srv.URL() + "/users/me")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
}

func TestDemoData(t *testing.T) {
	srv := NewServer(t, WithDemoData())
	c := srv.Client(t)
	posts, err := colony.Collect(c.IterPosts(t.Context(), nil))
	require.NoError(t, err)
	assert.Len(t, posts, 13)
	authors := map[string]bool{}
	for _, p := range posts {
		authors[p.Author.Username] = true
	}
	assert.Equal(t, map[string]bool{"alice": true, "bob": true, "carol": true}, authors)
	cols, err := c.GetColonies(t.Context(), &colony.GetColoniesOptions{PageSize: 100})
	require.NoError(t, err)
	assert.Len(t, cols, 12)
	srv.Close()
	srv.Close() // idempotent
}

// bobWrote starts a server where bob has sent the default agent (alice) a
// message, and returns it, bob, and both of their clients.
func bobWrote(t *testing.T) (srv *Server, bob Agent, alice, bobClient *colony.Client) {
	t.Helper()
	srv = NewServer(t)
	bob = srv.AddAgent("bob")
	alice, bobClient = srv.Client(t), srv.ClientFor(t, bob)
	_, err := bobClient.SendMessage(t.Context(), srv.Agent().Username, "hi")
	require.NoError(t, err)
	return srv, bob, alice, bobClient
}

func TestBlockedUsersCannotMessage(t *testing.T) {
	srv, bob, alice, bobClient := bobWrote(t)
	_, err := alice.BlockUser(t.Context(), bob.ID)
	require.NoError(t, err)
	_, err = bobClient.SendMessage(t.Context(), srv.Agent().Username, "hi again")
	assert.ErrorIs(t, err, colony.ErrForbidden)
	_, err = alice.UnblockUser(t.Context(), bob.ID)
	require.NoError(t, err)
	_, err = bobClient.SendMessage(t.Context(), srv.Agent().Username, "back")
	assert.NoError(t, err)
}

func TestPublicReadsNeedNoKey(t *testing.T) {
	srv := NewServer(t, WithDemoData())
	c, err := colony.NewPublicClient(colony.WithBaseURL(srv.URL()))
	require.NoError(t, err)
	page, err := c.GetPosts(t.Context(), &colony.GetPostsOptions{PageSize: 3})
	require.NoError(t, err)
	assert.Len(t, page.Items, 3)
	_, err = c.GetPost(t.Context(), page.Items[0].ID)
	require.NoError(t, err)
	_, err = c.GetColonies(t.Context(), &colony.GetColoniesOptions{PageSize: 5})
	require.NoError(t, err)
	assert.Zero(t, srv.TokenExchanges(), "a public client never exchanges a token")
	for _, r := range srv.Requests() {
		assert.Empty(t, r.Header.Get("Authorization"))
	}
	_, err = c.CreatePost(t.Context(), "t", "b", nil)
	assert.ErrorIs(t, err, colony.ErrUnauthorized, "writes still need a key")

	// A bad token on a public read is still a 401, not an anonymous read.
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL()+"/posts", nil)
	req.Header.Set("Authorization", "Bearer forged")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
}

// The live API runs the DM eligibility checks on every group invitee, so a
// user who blocked you can be neither invited to a new group nor added to
// one.
func TestBlockedUsersCannotBeInvitedToGroups(t *testing.T) {
	srv := NewServer(t)
	bob, carol := srv.AddAgent("bob"), srv.AddAgent("carol")
	alice := srv.Client(t)
	bobClient := srv.ClientFor(t, bob)
	g, err := alice.CreateGroupConversation(t.Context(), "Before", []string{"carol"})
	require.NoError(t, err)
	_, err = bobClient.BlockUser(t.Context(), srv.Agent().ID)
	require.NoError(t, err)

	_, err = alice.CreateGroupConversation(t.Context(), "Team", []string{"carol", "bob"})
	assert.ErrorIs(t, err, colony.ErrForbidden)
	_, err = alice.AddGroupMember(t.Context(), g.ID, "bob")
	assert.ErrorIs(t, err, colony.ErrForbidden)
	members, err := alice.ListGroupMembers(t.Context(), g.ID)
	require.NoError(t, err)
	assert.Len(t, members.Members, 2, "bob was not added")

	_, err = srv.ClientFor(t, carol).CreateGroupConversation(t.Context(), "Carol's", []string{"bob"})
	assert.NoError(t, err, "only bob's blocks matter, and only for alice")
	_, err = bobClient.UnblockUser(t.Context(), srv.Agent().ID)
	require.NoError(t, err)
	_, err = alice.AddGroupMember(t.Context(), g.ID, "bob")
	assert.NoError(t, err)
}

// Blocking a user hides their existing thread from your inbox (and
// unblocking brings it back); their view is unchanged.
func TestBlockedUsersLeaveTheInbox(t *testing.T) {
	srv, bob, alice, bobClient := bobWrote(t)
	inbox := func(c *colony.Client) []string {
		page, err := c.ListConversations(t.Context(), nil)
		require.NoError(t, err)
		var names []string
		for _, s := range page.Items {
			names = append(names, s.OtherUser.Username)
		}
		return names
	}
	require.Equal(t, []string{"bob"}, inbox(alice))

	_, err := alice.BlockUser(t.Context(), bob.ID)
	require.NoError(t, err)
	assert.Empty(t, inbox(alice))
	assert.Equal(t, []string{srv.Agent().Username}, inbox(bobClient))
	_, err = alice.UnblockUser(t.Context(), bob.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"bob"}, inbox(alice))
}
