package colony_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

func TestConcurrentFirstCallsShareOneTokenExchange(t *testing.T) {
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	c := srv.Client(t)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 100 {
		wg.Go(func() {
			_, err := c.GetPost(t.Context(), id)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 1, srv.TokenExchanges(), "100 first calls, one POST /auth/token")
}

func TestUnauthorizedRefreshesOnceAndReplays(t *testing.T) {
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	c := srv.Client(t)
	_, err := c.GetPost(t.Context(), id)
	require.NoError(t, err)
	srv.ExpireTokens() // the server now rejects the token the client holds

	post, err := c.CreatePost(t.Context(), "After expiry", "body", nil)
	require.NoError(t, err)
	assert.Equal(t, "After expiry", post.Title)
	assert.Equal(t, 2, srv.TokenExchanges())
	reqs := srv.RequestsTo("POST /posts")
	require.Len(t, reqs, 2, "the 401 and its replay")
	assert.Equal(t, 401, reqs[0].Status)
	assert.Equal(t, 201, reqs[1].Status)
	assert.Equal(t, reqs[0].Header.Get("Idempotency-Key"), reqs[1].Header.Get("Idempotency-Key"))
	assert.NotEqual(t, reqs[0].Header.Get("Authorization"), reqs[1].Header.Get("Authorization"))
}

func TestSecond401IsAnError(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.Handle("GET /posts/{post_id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"detail":{"message":"nope","code":"AUTH_INVALID_TOKEN"}}`))
	}))
	c := srv.Client(t)
	_, err := c.GetPost(t.Context(), "p1")
	assert.ErrorIs(t, err, colony.ErrUnauthorized)
	assert.ErrorIs(t, err, colony.ErrAuth)
	assert.Len(t, srv.RequestsTo("GET /posts/{post_id}"), 2, "one replay, no loop")
	assert.Equal(t, 2, srv.TokenExchanges())
}

func TestForbiddenIsNotRefreshed(t *testing.T) {
	srv, c := newColony(t)
	srv.FailNext("GET /posts/{post_id}", 1, colonytest.Fault{Status: 403})
	_, err := c.GetPost(t.Context(), "p1")
	assert.ErrorIs(t, err, colony.ErrForbidden)
	assert.Equal(t, 1, srv.TokenExchanges())
}

func TestTokenEndpoint429IsNotRetried(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := defaultRetryClient(t, srv)
		srv.FailNext("POST /auth/token", 10, colonytest.Fault{Status: 429, RetryAfter: 30 * time.Second})
		start := time.Now()
		_, err := c.GetPost(t.Context(), "p1")
		assert.ErrorIs(t, err, colony.ErrRateLimited)
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "/auth/token", apiErr.Path)
		assert.Equal(t, 30*time.Second, apiErr.RetryAfter)
		assert.Len(t, srv.RequestsTo("POST /auth/token"), 1)
		assert.Zero(t, time.Since(start), "no backoff")
		assert.Empty(t, srv.RequestsTo("GET /posts/{post_id}"))
	})
}

func TestTokenEndpoint5xxRetriedOnItsOwnBudget(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := defaultRetryClient(t, srv, colony.WithRetry(colony.RetryConfig{MaxRetries: 0}))
		id := seedPost(t, srv)
		srv.FailNext("POST /auth/token", 3, colonytest.Fault{Status: 502})
		start := time.Now()
		_, err := c.GetPost(t.Context(), id)
		require.NoError(t, err, "the API retry budget is 0, the token budget is 6")
		assert.Len(t, srv.RequestsTo("POST /auth/token"), 4)
		elapsed := time.Since(start)
		assert.True(t, elapsed >= 7*time.Second && elapsed <= 14*time.Second, "2s+4s+8s with jitter, got %v", elapsed)
	})
}

func TestTokenRefreshedAnHourBeforeExpiry(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := srv.Client(t)
		id := seedPost(t, srv)
		_, err := c.GetPost(t.Context(), id)
		require.NoError(t, err)
		time.Sleep(22 * time.Hour)
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		assert.Equal(t, 1, srv.TokenExchanges(), "a 24h token is reused for 23h")
		time.Sleep(61 * time.Minute)
		_, err = c.GetPost(t.Context(), id)
		require.NoError(t, err)
		assert.Equal(t, 2, srv.TokenExchanges(), "refreshed before it expires")
		for _, r := range srv.RequestsTo("GET /posts/{post_id}") {
			assert.Equal(t, 200, r.Status, "no 401 was needed")
		}
	}, colonytest.WithTokenTTL(24*time.Hour))
}

func TestBearerTokenOnlySentToAPIOrigin(t *testing.T) {
	var mu sync.Mutex
	var leaked []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		leaked = append(leaked, r.Header.Get("Authorization"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"p1","title":"elsewhere"}`))
	}))
	defer other.Close()
	srv := colonytest.NewServer(t)
	srv.Handle("GET /posts/{post_id}", http.RedirectHandler(other.URL+"/steal", http.StatusFound))
	c := srv.Client(t)
	_, err := c.GetPost(t.Context(), "p1")
	require.Error(t, err, "a redirect to another origin is not followed")
	assert.Contains(t, err.Error(), "302")
	assert.Contains(t, err.Error(), other.URL+"/steal")
	assert.Empty(t, leaked, "nothing reached the other origin")
	assert.NotEmpty(t, srv.RequestsTo("GET /posts/{post_id}")[0].Header.Get("Authorization"))
}

func TestTokenCacheSharedAcrossClients(t *testing.T) {
	dir := t.TempDir()
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	first := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err := first.GetPost(t.Context(), id)
	require.NoError(t, err)

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	info, err := entries[0].Info()
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	file := colony.ReadJSONFile[struct {
		V      int     `json:"v"`
		Token  string  `json:"token"`
		Expiry float64 `json:"expiry"`
	}](t, filepath.Join(dir, entries[0].Name()))
	assert.Equal(t, 1, file.V)
	assert.NotEmpty(t, file.Token)
	assert.InDelta(t, float64(time.Now().Add(23*time.Hour).Unix()), file.Expiry, 60, "Python's layout: exchange time + 23h")

	second := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err = second.GetPost(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, 1, srv.TokenExchanges(), "the second client read the cached token")
}

// cacheFileFor returns the cache file path a client for srv would use.
func cacheFileFor(t *testing.T, dir string, srv *colonytest.Server) string {
	t.Helper()
	c := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err := c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111")
	require.ErrorIs(t, err, colony.ErrNotFound)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	return filepath.Join(dir, entries[0].Name())
}

func TestHostileTokenCacheFileIsAMiss(t *testing.T) {
	future := float64(time.Now().Add(10 * time.Hour).Unix())
	cases := map[string]func(t *testing.T, path string){
		"python format hit": nil,
		"wrong types": func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte(`{"v": 1, "token": 5, "expiry": "soon"}`), 0o600))
		},
		"not an object": func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte(`[]`), 0o600))
		},
		"truncated": func(t *testing.T, path string) {
			require.NoError(t, os.WriteFile(path, []byte(`{"v": 1, "tok`), 0o600))
		},
		"expires within a minute": func(t *testing.T, path string) {
			b, _ := json.Marshal(map[string]any{"v": 1, "token": "stale", "expiry": float64(time.Now().Add(30 * time.Second).Unix())})
			require.NoError(t, os.WriteFile(path, b, 0o600))
		},
		"huge": func(t *testing.T, path string) {
			big := `{"v": 1, "token": "` + strings.Repeat("x", 200<<10) + `", "expiry": 9999999999}`
			require.NoError(t, os.WriteFile(path, []byte(big), 0o600))
		},
		"symlink": func(t *testing.T, path string) {
			target := filepath.Join(t.TempDir(), "elsewhere.json")
			b, _ := json.Marshal(map[string]any{"v": 1, "token": "planted", "expiry": future})
			require.NoError(t, os.WriteFile(target, b, 0o600))
			require.NoError(t, os.Remove(path))
			require.NoError(t, os.Symlink(target, path))
		},
	}
	for name, corrupt := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			srv := colonytest.NewServer(t)
			path := cacheFileFor(t, dir, srv)
			if corrupt == nil {
				// A file as Python writes it (spaces after separators) is a hit.
				f := colony.ReadJSONFile[map[string]any](t, path)
				py := `{"v": 1, "token": "` + f["token"].(string) + `", "expiry": ` + jsonFloat(f["expiry"].(float64)) + `}`
				require.NoError(t, os.WriteFile(path, []byte(py), 0o600))
			} else {
				corrupt(t, path)
			}
			c := srv.Client(t, colony.WithTokenCacheDir(dir))
			_, err := c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111")
			require.ErrorIs(t, err, colony.ErrNotFound, "a bad file never becomes an error")
			want := 2
			if corrupt == nil {
				want = 1
			}
			assert.Equal(t, want, srv.TokenExchanges())
		})
	}
}

func jsonFloat(f float64) string { b, _ := json.Marshal(f); return string(b) }

func TestTokenCacheKillSwitch(t *testing.T) {
	t.Setenv("COLONY_SDK_NO_TOKEN_CACHE", " Yes ")
	dir := t.TempDir()
	srv := colonytest.NewServer(t)
	c := srv.Client(t, colony.WithTokenCacheDir(dir))
	_, err := c.GetPost(t.Context(), "11111111-1111-4111-8111-111111111111")
	require.ErrorIs(t, err, colony.ErrNotFound)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

func TestRefreshTokenAndRotateKey(t *testing.T) {
	dir := t.TempDir()
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	path := cacheFileFor(t, dir, srv)
	c := srv.Client(t, colony.WithTokenCacheDir(dir))

	c.RefreshToken()
	_, err := os.Stat(path)
	assert.True(t, os.IsNotExist(err), "RefreshToken deletes the cache file")
	_, err = c.GetPost(t.Context(), id)
	require.NoError(t, err)
	assert.Equal(t, 2, srv.TokenExchanges())

	res, err := c.RotateKey(t.Context())
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(res.APIKey, "col_"))
	assert.NotContains(t, res.String(), res.APIKey)
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err), "the old key's cache file is gone")

	_, err = c.GetPost(t.Context(), id)
	require.NoError(t, err, "the client switched to the new key")
	tokenReqs := srv.RequestsTo("POST /auth/token")
	assert.Contains(t, string(tokenReqs[len(tokenReqs)-1].Body), res.APIKey)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "the new key's token is cached")
}

func TestRotateKeyRaceFree(t *testing.T) {
	srv := colonytest.NewServer(t)
	id := seedPost(t, srv)
	c := srv.Client(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for ctx.Err() == nil {
				_, _ = c.GetPost(ctx, id)
			}
		})
	}
	for range 3 {
		_, err := c.RotateKey(t.Context())
		require.NoError(t, err)
	}
	cancel()
	wg.Wait()
	_, err := c.GetPost(t.Context(), id)
	assert.NoError(t, err)
}
