package colony

import (
	"bytes"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// maxCacheEntries bounds the GET cache; when it is full the oldest entry goes.
const maxCacheEntries = 1024

// maxCachedBody is the largest response body the cache keeps.
const maxCachedBody = 1 << 20

// responseCache is the opt-in GET cache (Python: enable_cache). Keys are full
// URLs; any write that reached the server clears it, whatever its answer,
// PATCH included (Python forgets PATCH, so a stale group title could be
// served after update_group_conversation).
type responseCache struct {
	// on mirrors ttl > 0, so a disabled cache costs no lock.
	on      atomic.Bool
	mu      sync.Mutex
	ttl     time.Duration // 0 disables the cache
	entries map[string]*cacheEntry
}

func newResponseCache(ttl time.Duration) *responseCache {
	c := &responseCache{}
	c.setTTL(ttl)
	return c
}

type cacheEntry struct {
	stored time.Time
	status int
	header http.Header
	body   []byte
}

func (c *responseCache) setTTL(ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ttl = ttl
	c.on.Store(ttl > 0)
	c.entries = nil
}

func (c *responseCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
}

// get returns a live entry for key.
func (c *responseCache) get(key string, now time.Time) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || c.ttl <= 0 || now.Sub(e.stored) >= c.ttl {
		return nil, false
	}
	return e, true
}

func (c *responseCache) put(key string, e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ttl <= 0 {
		return
	}
	if c.entries == nil {
		c.entries = make(map[string]*cacheEntry)
	}
	if _, ok := c.entries[key]; !ok && len(c.entries) >= maxCacheEntries {
		var oldestKey string
		var oldest time.Time
		for k, v := range c.entries {
			if oldestKey == "" || v.stored.Before(oldest) {
				oldestKey, oldest = k, v.stored
			}
		}
		delete(c.entries, oldestKey)
	}
	c.entries[key] = e
}

// mayHaveReachedServer reports whether a failed request may have reached
// the server: anything but a failed connection or a local refusal.
// (A token exchange that failed is an *APIError: failLocal, nothing sent.)
func mayHaveReachedServer(err error) bool { return classify(err) == failTransient }

func (c *responseCache) enabled() bool { return c.on.Load() }

// cacheTransport answers GETs from the cache and invalidates it on writes.
// It sits inside the breaker and outside retry and auth, so a hit costs no
// token exchange and no attempt.
type cacheTransport struct {
	next  http.RoundTripper
	cache *responseCache
}

func (t *cacheTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !t.cache.enabled() {
		return t.next.RoundTrip(req)
	}
	if req.Method != http.MethodGet {
		resp, err := t.next.RoundTrip(req)
		if err == nil || mayHaveReachedServer(err) {
			// A write that reached the server may have committed whatever
			// the answer (a 500, a lost response): nothing cached may
			// hide it.
			t.cache.clear()
		}
		return resp, err
	}
	key := req.URL.String()
	if e, ok := t.cache.get(key, time.Now()); ok {
		if st := callStateFrom(req.Context()); st != nil {
			st.cached = true
		}
		return &http.Response{
			Status:        http.StatusText(e.status),
			StatusCode:    e.status,
			Proto:         "HTTP/1.1",
			ProtoMajor:    1,
			ProtoMinor:    1,
			Header:        e.header.Clone(),
			Body:          io.NopCloser(bytes.NewReader(e.body)),
			ContentLength: int64(len(e.body)),
			Request:       req,
		}, nil
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxCachedBody+1))
	if err != nil {
		_ = resp.Body.Close()
		return nil, err
	}
	if len(body) > maxCachedBody {
		// Too big to keep: hand back what was read plus the rest, uncached.
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(body), resp.Body), resp.Body}
		return resp, nil
	}
	_ = resp.Body.Close()
	t.cache.put(key, &cacheEntry{stored: time.Now(), status: resp.StatusCode, header: resp.Header.Clone(), body: body})
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
