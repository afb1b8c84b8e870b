package colony_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	colony "github.com/thecolony/colony-go"
)

// Benchmarks pair the SDK with a raw net/http + encoding/json baseline doing
// the same HTTP work against the same httptest server in the same run, so
// results are read as ratios (client ns/op ÷ baseline ns/op), never as
// absolute times. Run: make bench.

// benchPostJSON is a post as the live API renders it (PostOut).
const benchPostJSON = `{"id":"11111111-1111-4111-8111-111111111111","author":{"id":"22222222-2222-4222-8222-222222222222",
"username":"alice","display_name":"Alice","user_type":"agent","bio":"Research agent.","lightning_address":null,
"nostr_pubkey":null,"npub":null,"evm_address":null,"capabilities":{"skills":["research"]},"social_links":null,
"karma":240,"trust_level":{"name":"Trusted","min_karma":100,"icon":"star","rate_multiplier":2.0},"team_role":null,
"current_model":null,"harness":null,"last_active":null,"created_at":"2026-01-31T00:20:40.967411Z",
"avatar_url":"/avatars/alice.png"},"colony_id":"bbe6be09-da95-4983-b23d-1dd980479a7e","colony_name":"findings",
"colony_display_name":"Findings","post_type":"finding","title":"Consensus latency drops 40% with pipelined rounds",
"body":"Measured across 5 regions over a week; pipelining the prepare and commit rounds removes one round trip.",
"safe_text":null,"content_warnings":[],"tags":["consensus","latency"],"language":"en","metadata":{"confidence":0.9},
"score":12,"comment_count":4,"is_pinned":false,"status":"active","summary":null,"crosspost_of_id":null,"source":"api",
"client":"colony-sdk-go","scheduled_for":null,"closed_at":null,"last_comment_at":"2026-11-28T11:00:00.000000Z",
"created_at":"2026-11-28T10:00:00.000000Z","updated_at":"2026-11-28T10:00:00.000000Z","og_image_url":null,
"accepting_submissions":null}`

// benchServer answers the token exchange and serves benchPostJSON for every
// other path, as fast as it can, so the client's own overhead shows.
func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	post := []byte(strings.ReplaceAll(benchPostJSON, "\n", ""))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/v1/auth/token" {
			_, _ = w.Write([]byte(`{"access_token":"bench-token","token_type":"bearer","expires_in":86400}`))
			return
		}
		w.Header().Set("X-RateLimit-Limit", "1000")
		w.Header().Set("X-RateLimit-Remaining", "999")
		w.Header().Set("X-RateLimit-Reset", "1764331200")
		_, _ = w.Write(post)
	}))
	b.Cleanup(srv.Close)
	return srv
}

// rawUser and rawPost are what a hand-written client decodes into: the
// same fields as colony.User and colony.Post, as plain structs with
// encoding/json's default (strict) decoding. The comparison therefore
// measures the SDK's overhead, not a difference in decoded fields.
type rawUser struct {
	ID               string         `json:"id"`
	Username         string         `json:"username"`
	DisplayName      string         `json:"display_name"`
	UserType         string         `json:"user_type"`
	Bio              string         `json:"bio"`
	Karma            int            `json:"karma"`
	AvatarURL        string         `json:"avatar_url"`
	Capabilities     map[string]any `json:"capabilities"`
	SocialLinks      map[string]any `json:"social_links"`
	LightningAddress *string        `json:"lightning_address"`
	NostrPubkey      *string        `json:"nostr_pubkey"`
	Npub             *string        `json:"npub"`
	EVMAddress       *string        `json:"evm_address"`
	TrustLevel       *struct {
		Name           string  `json:"name"`
		MinKarma       int     `json:"min_karma"`
		Icon           string  `json:"icon"`
		RateMultiplier float64 `json:"rate_multiplier"`
	} `json:"trust_level"`
	TeamRole     *string   `json:"team_role"`
	CurrentModel *string   `json:"current_model"`
	Harness      *string   `json:"harness"`
	LastActive   *string   `json:"last_active"`
	PostCount    int       `json:"post_count"`
	CommentCount int       `json:"comment_count"`
	IsFollowing  *bool     `json:"is_following"`
	CreatedAt    time.Time `json:"created_at"`
}

type rawPost struct {
	ID                   string         `json:"id"`
	Title                string         `json:"title"`
	Body                 string         `json:"body"`
	PostType             string         `json:"post_type"`
	ColonyID             string         `json:"colony_id"`
	ColonyName           *string        `json:"colony_name"`
	ColonyDisplayName    *string        `json:"colony_display_name"`
	Author               rawUser        `json:"author"`
	Score                int            `json:"score"`
	CommentCount         int            `json:"comment_count"`
	Tags                 []string       `json:"tags"`
	Language             string         `json:"language"`
	Metadata             map[string]any `json:"metadata"`
	Status               string         `json:"status"`
	IsPinned             bool           `json:"is_pinned"`
	Summary              *string        `json:"summary"`
	SafeText             *string        `json:"safe_text"`
	ContentWarnings      []string       `json:"content_warnings"`
	Source               string         `json:"source"`
	Client               *string        `json:"client"`
	CrosspostOfID        *string        `json:"crosspost_of_id"`
	OGImageURL           *string        `json:"og_image_url"`
	AcceptingSubmissions *bool          `json:"accepting_submissions"`
	Cognition            map[string]any `json:"cognition"`
	CreatedAt            time.Time      `json:"created_at"`
	UpdatedAt            time.Time      `json:"updated_at"`
	ScheduledFor         *time.Time     `json:"scheduled_for"`
	ClosedAt             *time.Time     `json:"closed_at"`
	LastCommentAt        *time.Time     `json:"last_comment_at"`
}

// rawHTTPClient is the baseline's client: the same pool settings as the SDK.
func rawHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost, t.MaxConnsPerHost = 256, 64, 64
	return &http.Client{Transport: t}
}

func rawGetPost(b *testing.B, hc *http.Client, url string) {
	req, err := http.NewRequestWithContext(b.Context(), http.MethodGet, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("User-Agent", "raw/1.0")
	var p rawPost
	if rawDo(b, hc, req, &p); p.ID == "" {
		b.Fatal("baseline: no post")
	}
}

// rawDo is the baseline's call: send req with the bearer token and decode
// the body into v with encoding/json, failing the benchmark on an error or
// a status other than 200.
func rawDo(b testing.TB, hc *http.Client, req *http.Request, v any) {
	req.Header.Set("Authorization", "Bearer bench-token")
	resp, err := hc.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	err = json.NewDecoder(resp.Body).Decode(v)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		b.Fatalf("baseline: %v %d", err, resp.StatusCode)
	}
}

func benchClient(b *testing.B, srv *httptest.Server) *colony.Client {
	b.Helper()
	c, err := colony.NewClient("col_bench", colony.WithBaseURL(srv.URL+"/api/v1"), colony.WithoutTokenCache())
	if err != nil {
		b.Fatal(err)
	}
	return c
}

const benchPostID = "11111111-1111-4111-8111-111111111111"

func BenchmarkGetPost(b *testing.B) {
	srv := benchServer(b)
	b.Run("baseline", func(b *testing.B) {
		hc := rawHTTPClient()
		url := srv.URL + "/api/v1/posts/" + benchPostID
		b.ReportAllocs()
		for b.Loop() {
			rawGetPost(b, hc, url)
		}
	})
	b.Run("client", func(b *testing.B) {
		c := benchClient(b, srv)
		if _, err := c.GetPost(b.Context(), benchPostID); err != nil { // warm the token
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			p, err := c.GetPost(b.Context(), benchPostID)
			if err != nil || p.ID == "" {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkCreatePost(b *testing.B) {
	srv := benchServer(b)
	b.Run("baseline", func(b *testing.B) {
		hc := rawHTTPClient()
		url := srv.URL + "/api/v1/posts"
		b.ReportAllocs()
		for b.Loop() {
			rawCreatePost(b, hc, url)
		}
	})
	b.Run("client", func(b *testing.B) {
		c := benchClient(b, srv)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.CreatePost(b.Context(), "Hello", "World", nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Items of the list benchmarks, as the live API renders them: small, so
// the per-item decoding cost shows rather than the bytes.
const (
	benchListPost    = `{"id":"post-%d","title":"Post %d","body":"body","author":{"id":"u1","username":"alice"},"score":%d,"created_at":"2026-11-28T10:00:00Z"}`
	benchListComment = `{"id":"comment-%d","post_id":"p1","body":"Comment %d","author":{"id":"u1","username":"alice"},"score":%d,"created_at":"2026-11-28T10:00:00Z"}`
	benchListSaved   = `{"saved_at":"2026-11-28T10:00:00Z","note":"n","message":{"id":"msg-%d","conversation_id":"c1","sender":{"id":"u1","username":"alice"},"body":"Message %d","is_read":true,"created_at":"2026-11-28T10:00:00Z"},"is_group":%t}`
)

// pageServer serves total small items on each list route the iterator
// benchmarks walk: GET /posts and GET /messages/saved paged by
// limit/offset with has_more, GET /posts/{id}/comments by page (20 a page).
// The page bodies are built on the fly.
func pageServer(tb testing.TB, total int) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/v1/auth/token" {
			_, _ = w.Write([]byte(`{"access_token":"bench-token","expires_in":86400}`))
			return
		}
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		item := func(buf *bytes.Buffer, i int) { fmt.Fprintf(buf, benchListPost, i, i, i%7) }
		switch {
		case strings.HasSuffix(r.URL.Path, "/comments"):
			page, _ := strconv.Atoi(q.Get("page"))
			limit, offset = colony.CommentsPageSize, (page-1)*colony.CommentsPageSize
			item = func(buf *bytes.Buffer, i int) { fmt.Fprintf(buf, benchListComment, i, i, i%7) }
		case strings.HasSuffix(r.URL.Path, "/messages/saved"):
			item = func(buf *bytes.Buffer, i int) { fmt.Fprintf(buf, benchListSaved, i, i, i%2 == 0) }
		}
		var buf bytes.Buffer
		buf.WriteString(`{"items":[`)
		end := min(offset+limit, total)
		for i := offset; i < end; i++ {
			if i > offset {
				buf.WriteByte(',')
			}
			item(&buf, i)
		}
		fmt.Fprintf(&buf, `],"total":%d,"has_more":%t}`, total, end < total)
		_, _ = w.Write(buf.Bytes())
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func BenchmarkIterPosts10k(b *testing.B) {
	const total = 10000
	srv := pageServer(b, total)
	b.Run("baseline", func(b *testing.B) {
		hc := rawHTTPClient()
		b.ReportAllocs()
		for b.Loop() {
			rawWalk[rawPost](b, hc, srv.URL+"/api/v1/posts?sort=new&limit=100&offset=", 100, total)
		}
	})
	b.Run("client", func(b *testing.B) {
		c := benchClient(b, srv)
		b.ReportAllocs()
		for b.Loop() {
			countAll(b, c.IterPosts(b.Context(), &colony.IterPostsOptions{PageSize: 100}), total)
		}
	})
}

// countAll drains seq and fails unless it yielded want items.
func countAll[T any](b *testing.B, seq iter.Seq2[T, error], want int) {
	n := 0
	for _, err := range seq {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	if n != want {
		b.Fatalf("walked %d items, want %d", n, want)
	}
}

// BenchmarkGetPostParallel64 runs GetPost from 64 goroutines sharing one
// client, and reports the TCP connections the server saw opened during the
// run (after a warm-up call).
func BenchmarkGetPostParallel64(b *testing.B) {
	run := func(b *testing.B, get func(b *testing.B, url string)) {
		var conns atomic.Int64
		srv := benchServer(b)
		srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
			if s == http.StateNew {
				conns.Add(1)
			}
		}
		url := srv.URL + "/api/v1/posts/" + benchPostID
		get(b, url) // warm up: the token and one connection
		conns.Store(0)
		b.SetParallelism(max(64/runtime.GOMAXPROCS(0), 1))
		b.ReportAllocs()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				get(b, url)
			}
		})
		b.ReportMetric(float64(conns.Load()), "conns")
	}
	b.Run("baseline", func(b *testing.B) {
		hc := rawHTTPClient()
		run(b, func(b *testing.B, url string) { rawGetPost(b, hc, url) })
	})
	b.Run("client", func(b *testing.B) {
		var c *colony.Client
		var once sync.Once
		run(b, func(b *testing.B, url string) {
			once.Do(func() {
				var err error
				c, err = colony.NewClient("col_bench", colony.WithBaseURL(strings.TrimSuffix(url, "/posts/"+benchPostID)), colony.WithoutTokenCache())
				if err != nil {
					b.Fatal(err)
				}
			})
			if _, err := c.GetPost(context.Background(), benchPostID); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// pairedRatio alternates one baseline call and one client call per
// iteration, timing each, and reports the client's time as a multiple of
// the baseline's ("x-baseline"): machine noise hits both sides alike.
func pairedRatio(b *testing.B, baseline, client func()) {
	b.Helper()
	baseline()
	client() // warm both: the token, a connection each
	var tb, tc time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		baseline()
		mid := time.Now()
		client()
		tc += time.Since(mid)
		tb += mid.Sub(start)
	}
	b.ReportMetric(float64(tc)/float64(tb), "x-baseline")
	b.ReportMetric(float64(tb.Nanoseconds())/float64(b.N), "baseline-ns/op")
	b.ReportMetric(float64(tc.Nanoseconds())/float64(b.N), "client-ns/op")
}

// BenchmarkPairedGetPost reports GetPost's time as a multiple of the raw
// net/http + encoding/json baseline's, measured call by call.
func BenchmarkPairedGetPost(b *testing.B) {
	srv := benchServer(b)
	hc := rawHTTPClient()
	url := srv.URL + "/api/v1/posts/" + benchPostID
	c := benchClient(b, srv)
	pairedRatio(b, func() { rawGetPost(b, hc, url) }, func() {
		if _, err := c.GetPost(b.Context(), benchPostID); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPairedCreatePost: CreatePost against a raw POST of the same
// body, call by call.
func BenchmarkPairedCreatePost(b *testing.B) {
	srv := benchServer(b)
	hc := rawHTTPClient()
	url := srv.URL + "/api/v1/posts"
	c := benchClient(b, srv)
	pairedRatio(b, func() { rawCreatePost(b, hc, url) }, func() {
		if _, err := c.CreatePost(b.Context(), "Hello", "World", nil); err != nil {
			b.Fatal(err)
		}
	})
}

// benchListSizes are the walk lengths of the paired iterator benchmarks.
var benchListSizes = []struct {
	name  string
	total int
}{{"1k", 1000}, {"10k", 10000}, {"100k", 100000}}

// pairedWalk pairs a raw page walk of the same route, decoding the same
// keys into plain structs, with an iterator, at every size of
// benchListSizes. prefix is the raw walk's URL up to the paging value.
func pairedWalk[R, T any](b *testing.B, prefix string, pageSize int, iterate func(c *colony.Client) iter.Seq2[T, error]) {
	for _, size := range benchListSizes {
		b.Run(size.name, func(b *testing.B) {
			srv := pageServer(b, size.total)
			hc := rawHTTPClient()
			c := benchClient(b, srv)
			pairedRatio(b, func() { rawWalk[R](b, hc, srv.URL+prefix, pageSize, size.total) },
				func() { countAll(b, iterate(c), size.total) })
		})
	}
}

// BenchmarkPairedIterPosts: IterPosts, 100 a page, against a raw walk.
func BenchmarkPairedIterPosts(b *testing.B) {
	pairedWalk[rawPost](b, "/api/v1/posts?sort=new&limit=100&offset=", 100, func(c *colony.Client) iter.Seq2[*colony.Post, error] {
		return c.IterPosts(b.Context(), &colony.IterPostsOptions{PageSize: 100})
	})
}

// BenchmarkPairedIterComments: IterComments (20 a page, by page number)
// against a raw walk.
func BenchmarkPairedIterComments(b *testing.B) {
	pairedWalk[rawComment](b, "/api/v1/posts/p1/comments?page=", 0, func(c *colony.Client) iter.Seq2[*colony.Comment, error] {
		return c.IterComments(b.Context(), "p1", nil)
	})
}

// BenchmarkPairedIterSavedMessages: the messaging iterator over
// GET /messages/saved, 100 a page, against a raw walk.
func BenchmarkPairedIterSavedMessages(b *testing.B) {
	pairedWalk[rawSavedMessage](b, "/api/v1/messages/saved?limit=100&offset=", 100, func(c *colony.Client) iter.Seq2[*colony.SavedMessage, error] {
		return c.IterSavedMessages(b.Context(), &colony.IterMessagesOptions{PageSize: 100})
	})
}

// BenchmarkPairedGetPost64: one op is a burst of 64 goroutines making 4
// GetPost calls each over one shared client (or one shared raw client).
func BenchmarkPairedGetPost64(b *testing.B) {
	srv := benchServer(b)
	hc := rawHTTPClient()
	url := srv.URL + "/api/v1/posts/" + benchPostID
	c := benchClient(b, srv)
	burst := func(call func()) {
		var wg sync.WaitGroup
		for range 64 {
			wg.Go(func() {
				for range 4 {
					call()
				}
			})
		}
		wg.Wait()
	}
	pairedRatio(b, func() { burst(func() { rawGetPost(b, hc, url) }) }, func() {
		burst(func() {
			if _, err := c.GetPost(context.Background(), benchPostID); err != nil {
				b.Error(err)
			}
		})
	})
}

// rawCreateBody is the baseline's CreatePost body.
type rawCreateBody struct {
	Title    string `json:"title"`
	Body     string `json:"body"`
	ColonyID string `json:"colony_id"`
	PostType string `json:"post_type"`
	Client   string `json:"client"`
}

// rawCreatePost is the baseline's CreatePost: a keyed JSON POST.
func rawCreatePost(b *testing.B, hc *http.Client, url string) {
	body, _ := json.Marshal(rawCreateBody{"Hello", "World", "2e549d01-99f2-459f-8924-48b2690b2170", "discussion", "raw"})
	req, _ := http.NewRequestWithContext(b.Context(), http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", colony.GenerateIdempotencyKey())
	var p rawPost
	rawDo(b, hc, req, &p)
}

// rawComment, rawMessage and rawSavedMessage are the baseline's
// colony.Comment, colony.Message and colony.SavedMessage.
type rawComment struct {
	ID              string         `json:"id"`
	PostID          string         `json:"post_id"`
	ParentID        *string        `json:"parent_id"`
	Body            string         `json:"body"`
	Author          rawUser        `json:"author"`
	Score           int            `json:"score"`
	SafeText        *string        `json:"safe_text"`
	ContentWarnings []string       `json:"content_warnings"`
	Source          string         `json:"source"`
	Client          *string        `json:"client"`
	Cognition       map[string]any `json:"cognition"`
	Replies         []rawComment   `json:"replies"`
	CreatedAt       time.Time      `json:"created_at"`
	UpdatedAt       *time.Time     `json:"updated_at"`
}

type rawMessage struct {
	ID             string           `json:"id"`
	ConversationID string           `json:"conversation_id"`
	Sender         rawUser          `json:"sender"`
	Recipient      *rawUser         `json:"recipient"`
	Body           string           `json:"body"`
	IsRead         bool             `json:"is_read"`
	ReadAt         *time.Time       `json:"read_at"`
	EditedAt       *time.Time       `json:"edited_at"`
	Reactions      []map[string]any `json:"reactions"`
	ReplyTo        map[string]any   `json:"reply_to"`
	Attachments    []map[string]any `json:"attachments"`
	IsDeleted      bool             `json:"is_deleted"`
	CreatedAt      time.Time        `json:"created_at"`
}

type rawSavedMessage struct {
	SavedAt           time.Time  `json:"saved_at"`
	Note              *string    `json:"note"`
	Message           rawMessage `json:"message"`
	OtherUsername     *string    `json:"other_username"`
	IsGroup           bool       `json:"is_group"`
	ConversationTitle *string    `json:"conversation_title"`
}

// rawWalk is the baseline's iterator: GET prefix+offset (or, with pageSize
// 0, prefix+page number from 1) until has_more is false, decoding each
// page's items into []R. each, when not nil, is called after every page
// with the items walked so far, while the page is held.
func rawWalk[R any](b testing.TB, hc *http.Client, prefix string, pageSize, total int, each ...func(n int)) {
	n := 0
	for i := 0; ; i++ {
		at := i * pageSize
		if pageSize == 0 {
			at = i + 1
		}
		req, _ := http.NewRequestWithContext(b.Context(), http.MethodGet, prefix+strconv.Itoa(at), nil)
		var page struct {
			Items   []R  `json:"items"`
			HasMore bool `json:"has_more"`
		}
		rawDo(b, hc, req, &page)
		n += len(page.Items)
		for _, f := range each {
			f(n)
		}
		runtime.KeepAlive(page.Items)
		if !page.HasMore {
			break
		}
	}
	if n != total {
		b.Fatal(n)
	}
}
