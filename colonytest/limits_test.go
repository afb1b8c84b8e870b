package colonytest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// TestLivePostLimitWindow: with live limits, the 11th post in an hour is a
// 429 with the live code, envelope and a Retry-After that lands exactly
// when the window reopens. Refused posts do not count. Fake time, no sleep.
func TestLivePostLimitWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := NewServer(t, WithoutNetwork(), WithLiveLimits())
		c := s.Client(t, noRetry())
		ctx := t.Context()
		_, err := c.CreatePost(ctx, "", "b", nil)
		require.ErrorIs(t, err, colony.ErrInvalidParams, "refused locally, never counted")
		_, err = c.Raw(ctx, http.MethodPost, "/posts", map[string]any{"title": " ", "body": "b", "colony_id": "2e549d01-99f2-459f-8924-48b2690b2170"})
		require.ErrorIs(t, err, colony.ErrValidation, "refused by the server, not counted")
		post := func() error { _, err := c.CreatePost(ctx, "t", "b", nil); return err }
		require.NoError(t, post(), "post 1")
		time.Sleep(10 * time.Minute)
		for i := 2; i <= 10; i++ {
			require.NoError(t, post(), "post %d", i)
		}
		err = post()
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.ErrorIs(t, err, colony.ErrRateLimited)
		assert.Equal(t, http.StatusTooManyRequests, apiErr.StatusCode)
		assert.Equal(t, "RATE_LIMIT_POST_HOURLY", apiErr.Code)
		assert.Equal(t, "Hourly post limit reached.", apiErr.Message)
		assert.Equal(t, 50*time.Minute, apiErr.RetryAfter, "when post 1 leaves the window")

		time.Sleep(apiErr.RetryAfter - time.Second)
		err = post()
		require.ErrorAs(t, err, &apiErr, "one second early")
		assert.Equal(t, time.Second, apiErr.RetryAfter)
		time.Sleep(apiErr.RetryAfter)
		require.NoError(t, post(), "the window reopened")
		err = post()
		require.ErrorAs(t, err, &apiErr, "posts 2 to 10 are still in the window")
		assert.Equal(t, 10*time.Minute, apiErr.RetryAfter)
	})
}

// TestLiveLimitsAreOffByDefault: without the option posting is unlimited
// and uncounted; SetLiveLimits turns the limits on and off at run time.
func TestLiveLimitsAreOffByDefault(t *testing.T) {
	s := NewServer(t)
	c := s.Client(t, noRetry())
	author := s.AddAgent("author")
	target := s.AddPost(author, PostSpec{Title: "Votable", Body: "b", Colony: "general"})
	for i := range 11 {
		_, err := c.CreatePost(t.Context(), "t", "b", nil)
		require.NoError(t, err, "post %d", i+1)
	}
	s.SetLiveLimits(true)
	for i := range 10 {
		_, err := c.CreatePost(t.Context(), "t", "b", nil)
		require.NoError(t, err, "post %d after turning the limits on", i+1)
	}
	_, err := c.CreatePost(t.Context(), "t", "b", nil)
	require.ErrorIs(t, err, colony.ErrRateLimited)
	_, err = c.VotePost(t.Context(), target, 1)
	require.NoError(t, err, "votes have their own bucket")
	s.SetLiveLimits(false)
	_, err = c.CreatePost(t.Context(), "t", "b", nil)
	require.NoError(t, err)
}

// TestEveryLimitAnswersLikeTheLiveAPI: each limited route, with its bucket
// full, answers 429 with its code, the live envelope and Retry-After.
func TestEveryLimitAnswersLikeTheLiveAPI(t *testing.T) {
	s := NewServer(t, WithLiveLimits())
	routes := s.Routes()
	for i := range liveLimits {
		lim := &liveLimits[i]
		for _, route := range lim.routes {
			t.Run(route, func(t *testing.T) {
				require.Contains(t, routes, route, "a limit on a route the fake does not serve")
				who := s.Agent().ID
				if lim.bucket == "register" {
					who = "127.0.0.1"
				}
				s.mu.Lock()
				s.ppl.actions[lim.bucket+"|"+who] = slices.Repeat([]time.Time{s.now()}, lim.n)
				s.mu.Unlock()
				t.Cleanup(func() {
					s.mu.Lock()
					defer s.mu.Unlock()
					delete(s.ppl.actions, lim.bucket+"|"+who)
				})
				method, path, _ := strings.Cut(route, " ")
				path = strings.NewReplacer("{post_id}", "x", "{comment_id}", "x", "{notification_id}", "x", "{filename...}", "f.md").Replace(path)
				var resp *http.Response
				var err error
				if lim.bucket == "token" || lim.bucket == "register" {
					resp, err = http.Post(s.URL()+path, "application/json", strings.NewReader(`{"api_key":"`+s.Agent().APIKey+`"}`))
				} else {
					req, _ := http.NewRequestWithContext(t.Context(), method, s.URL()+path, strings.NewReader(`{}`))
					req.Header.Set("Authorization", "Bearer "+accessToken(t, s))
					resp, err = http.DefaultClient.Do(req)
				}
				require.NoError(t, err)
				defer resp.Body.Close()
				var body struct {
					Detail struct{ Message, Code string }
				}
				require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
				assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
				assert.Equal(t, lim.code, body.Detail.Code)
				assert.Equal(t, lim.message, body.Detail.Message)
				assert.Equal(t, "3600", resp.Header.Get("Retry-After"))
			})
		}
	}
}
