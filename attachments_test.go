package colony_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x01\x02\r\n--not-a-boundary--\r\n\xff")

// rawUpload is what a plain server saw of one request.
type rawUpload struct {
	method, path, contentType string
	contentLength             int64
	transferEncoding          []string
	idempotencyKey            string
	body                      []byte
}

// rawServer is an httptest server that hands out tokens and answers every
// other request with h, recording it.
type rawServer struct {
	mu   sync.Mutex
	reqs []rawUpload
}

func (rs *rawServer) recorded() []rawUpload {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return append([]rawUpload(nil), rs.reqs...)
}

func newRawServer(t *testing.T, h http.HandlerFunc, opts ...colony.Option) (*colony.Client, *rawServer) {
	t.Helper()
	rs := &rawServer{}
	srv := httptest.NewServer(withToken(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		require.NoError(t, err)
		rs.mu.Lock()
		rs.reqs = append(rs.reqs, rawUpload{r.Method, r.URL.EscapedPath(), r.Header.Get("Content-Type"), r.ContentLength,
			r.TransferEncoding, r.Header.Get("Idempotency-Key"), body})
		rs.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	base := []colony.Option{colony.WithBaseURL(srv.URL + "/api/v1"), colony.WithoutTokenCache(),
		colony.WithRetry(colony.RetryConfig{MaxRetries: 0})}
	c, err := colony.NewClient("col_test", append(base, opts...)...)
	require.NoError(t, err)
	return c, rs
}

func uploadAnswer(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusCreated)
	writeJSONResponse(w, map[string]any{"attachment_id": "66666666-6666-4666-8666-666666666666", "mime_type": "image/png",
		"size_bytes": len(pngBytes), "width": nil, "height": nil, "thumb_url": "/t", "full_url": "/f", "deduped": false})
}

// sizeHidden hides a reader's Len, Size and Seek.
type sizeHidden struct{ r io.Reader }

func (s sizeHidden) Read(p []byte) (int, error) { return s.r.Read(p) }

var boundaryRE = regexp.MustCompile(`^multipart/form-data; boundary=(----colonysdk[0-9a-f]{32})$`)

// TestUploadMultipartBytes checks the exact body of spec §1.14: one part
// "file" with the caller's type, the filename's \ and " escaped and CR/LF
// removed, and the length announced whenever the reader tells it.
func TestUploadMultipartBytes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "img.png")
	require.NoError(t, os.WriteFile(file, pngBytes, 0o600))
	cases := []struct {
		name, filename, wantHeaderName, wantParsed string
		reader                                     func(t *testing.T) io.Reader
		knownLength                                bool
	}{
		{"bytes reader", "cat.png", "cat.png", "cat.png",
			func(*testing.T) io.Reader { return bytes.NewReader(pngBytes) }, true},
		{"quotes", `say "hi".png`, `say \"hi\".png`, `say "hi".png`,
			func(*testing.T) io.Reader { return strings.NewReader(string(pngBytes)) }, true},
		{"backslashes", `C:\tmp\x.png`, `C:\\tmp\\x.png`, `C:\tmp\x.png`,
			func(*testing.T) io.Reader { return bytes.NewBuffer(bytes.Clone(pngBytes)) }, true},
		{"header injection", "evil\r\nX-Injected: 1.png", "evilX-Injected: 1.png", "evilX-Injected: 1.png",
			func(*testing.T) io.Reader { return bytes.NewReader(pngBytes) }, true},
		{"utf-8", "résumé 😀.png", "résumé 😀.png", "résumé 😀.png",
			func(*testing.T) io.Reader { return bytes.NewReader(pngBytes) }, true},
		{"os.File", "img.png", "img.png", "img.png", func(t *testing.T) io.Reader {
			f, err := os.Open(file)
			require.NoError(t, err)
			t.Cleanup(func() { _ = f.Close() })
			return f
		}, true},
		{"unknown length", "x.png", "x.png", "x.png",
			func(*testing.T) io.Reader { return sizeHidden{bytes.NewReader(pngBytes)} }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			client, rs := newRawServer(t, uploadAnswer)
			up, err := client.UploadMessageAttachment(t.Context(), tc.filename, tc.reader(t), colony.ImagePNG)
			require.NoError(t, err)
			assert.Equal(t, "66666666-6666-4666-8666-666666666666", up.ID)
			got := rs.recorded()
			require.Len(t, got, 1)
			r := got[0]
			assert.Equal(t, http.MethodPost, r.method)
			assert.Equal(t, "/api/v1/messages/attachments/upload", r.path)
			m := boundaryRE.FindStringSubmatch(r.contentType)
			require.NotNil(t, m, "content type %q", r.contentType)
			b := m[1]
			want := "--" + b + "\r\n" +
				`Content-Disposition: form-data; name="file"; filename="` + tc.wantHeaderName + "\"\r\n" +
				"Content-Type: image/png\r\n\r\n" + string(pngBytes) + "\r\n--" + b + "--\r\n"
			assert.Equal(t, want, string(r.body))
			if tc.knownLength {
				assert.EqualValues(t, len(want), r.contentLength)
			} else {
				assert.EqualValues(t, -1, r.contentLength)
				assert.Equal(t, []string{"chunked"}, r.transferEncoding)
			}
			parts := decodeMultipart(t, r.contentType, r.body)
			require.Len(t, parts, 1)
			assert.Equal(t, "file", parts[0].Name)
			assert.Equal(t, pngBytes, parts[0].Data)
			_, params, err := mime.ParseMediaType(strings.SplitN(strings.SplitN(want, "\r\n", 3)[1], ": ", 2)[1])
			require.NoError(t, err)
			assert.Equal(t, tc.wantParsed, params["filename"], "a MIME parser reads the name back")
		})
	}
}

// TestUploadStartsAtReaderOffset: a reader already advanced is sent from
// where it stands, and its length is what remains.
func TestUploadStartsAtReaderOffset(t *testing.T) {
	client, rs := newRawServer(t, uploadAnswer)
	r := io.NewSectionReader(bytes.NewReader(append([]byte("HEADER"), pngBytes...)), 0, int64(6+len(pngBytes)))
	_, err := r.Seek(6, io.SeekStart)
	require.NoError(t, err)
	_, err = client.UploadMessageAttachment(t.Context(), "a.png", r, colony.ImagePNG)
	require.NoError(t, err)
	got := rs.recorded()
	require.Len(t, got, 1)
	parts := decodeMultipart(t, got[0].contentType, got[0].body)
	require.Len(t, parts, 1)
	assert.Equal(t, pngBytes, parts[0].Data)
	assert.EqualValues(t, len(got[0].body), got[0].contentLength)
}

// TestUploadRetries: a seekable reader is rewound and the upload retried
// (same key, same bytes); any other reader is sent once.
func TestUploadRetries(t *testing.T) {
	const route = "POST /messages/attachments/upload"
	t.Run("seekable reader is retried after a 503", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			srv, client := newColony(t, colonytest.WithoutNetwork())
			srv.FailNext(route, 1, colonytest.Fault{Status: http.StatusServiceUnavailable})
			up, err := client.UploadMessageAttachment(t.Context(), "a.png", bytes.NewReader(pngBytes), colony.ImagePNG)
			require.NoError(t, err)
			assert.EqualValues(t, len(pngBytes), up.SizeBytes)
			reqs := srv.RequestsTo(route)
			require.Len(t, reqs, 2)
			assert.Equal(t, []int{http.StatusServiceUnavailable, http.StatusCreated}, []int{reqs[0].Status, reqs[1].Status})
			assert.Equal(t, reqs[0].Body, reqs[1].Body, "the retry sends the same bytes")
			assert.Equal(t, reqs[0].Header.Get("Idempotency-Key"), reqs[1].Header.Get("Idempotency-Key"))
			assert.NotEmpty(t, reqs[0].Header.Get("Idempotency-Key"))
		})
	})
	t.Run("other reader is sent once", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			srv, client := newColony(t, colonytest.WithoutNetwork())
			srv.FailNext(route, 1, colonytest.Fault{Status: http.StatusServiceUnavailable})
			_, err := client.UploadMessageAttachment(t.Context(), "a.png", sizeHidden{bytes.NewReader(pngBytes)}, colony.ImagePNG)
			assertAPIError(t, err, colony.ErrServer, http.StatusServiceUnavailable, "")
			assert.Len(t, srv.RequestsTo(route), 1)
		})
	})
	t.Run("seekable reader is replayed after a token refresh", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			srv, client := newColony(t, colonytest.WithoutNetwork())
			_, err := client.GetUnreadCount(t.Context()) // obtain a token
			require.NoError(t, err)
			srv.ExpireTokens()
			_, err = client.UploadMessageAttachment(t.Context(), "a.png", bytes.NewReader(pngBytes), colony.ImagePNG)
			require.NoError(t, err)
			reqs := srv.RequestsTo(route)
			require.Len(t, reqs, 2)
			assert.Equal(t, []int{http.StatusUnauthorized, http.StatusCreated}, []int{reqs[0].Status, reqs[1].Status})
			assert.Equal(t, reqs[0].Body, reqs[1].Body)
		})
	})
	t.Run("other reader is not replayed after a 401", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			srv, client := newColony(t, colonytest.WithoutNetwork())
			_, err := client.GetUnreadCount(t.Context())
			require.NoError(t, err)
			srv.ExpireTokens()
			_, err = client.UploadMessageAttachment(t.Context(), "a.png", sizeHidden{bytes.NewReader(pngBytes)}, colony.ImagePNG)
			assertAPIError(t, err, colony.ErrUnauthorized, http.StatusUnauthorized, "AUTH_INVALID_TOKEN")
			assert.Len(t, srv.RequestsTo(route), 1)
		})
	})
}

// TestAttachmentDownloads covers the size cap, the streaming variant and
// error mapping of the byte downloads.
func TestAttachmentDownloads(t *testing.T) {
	const id = "66666666-6666-4666-8666-666666666666"
	serveBytes := func(n int, chunked bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			if chunked {
				w.(http.Flusher).Flush() // headers out without a length: chunked
			} else {
				w.Header().Set("Content-Length", strconv.Itoa(n))
			}
			chunk := bytes.Repeat([]byte{0xAB}, 64<<10)
			for left := n; left > 0; left -= len(chunk) {
				_, _ = w.Write(chunk[:min(left, len(chunk))])
			}
		}
	}
	for _, chunked := range []bool{false, true} {
		name := map[bool]string{false: "content-length", true: "chunked"}[chunked]
		t.Run(name+" at the cap", func(t *testing.T) {
			client, _ := newRawServer(t, serveBytes(colony.MaxAttachmentBytes, chunked))
			b, err := client.GetMessageAttachment(t.Context(), id, colony.AttachmentFull)
			require.NoError(t, err)
			assert.Len(t, b, colony.MaxAttachmentBytes)
		})
		t.Run(name+" over the cap", func(t *testing.T) {
			client, _ := newRawServer(t, serveBytes(colony.MaxAttachmentBytes+1, chunked))
			_, err := client.GetMessageAttachment(t.Context(), id, colony.AttachmentFull)
			assert.ErrorIs(t, err, colony.ErrResponseTooLarge)
			_, err = client.GetGroupAvatar(t.Context(), id)
			assert.ErrorIs(t, err, colony.ErrResponseTooLarge)
		})
		t.Run(name+" streamed past the cap", func(t *testing.T) {
			client, rs := newRawServer(t, serveBytes(9<<20, chunked))
			rc, err := client.OpenMessageAttachment(t.Context(), id, colony.AttachmentThumb)
			require.NoError(t, err)
			n, err := io.Copy(io.Discard, rc)
			require.NoError(t, err)
			require.NoError(t, rc.Close())
			assert.EqualValues(t, 9<<20, n)
			assert.Equal(t, "/api/v1/messages/attachments/"+id+"/thumb", rs.recorded()[0].path)
		})
	}
	t.Run("client limit below the cap", func(t *testing.T) {
		client, _ := newRawServer(t, serveBytes(256, false), colony.WithMaxResponseBytes(100))
		_, err := client.GetMessageAttachment(t.Context(), id, "")
		assert.ErrorIs(t, err, colony.ErrResponseTooLarge)
	})
	t.Run("variant defaults to full and metadata is filled", func(t *testing.T) {
		client, rs := newRawServer(t, serveBytes(10, false))
		var meta colony.ResponseMeta
		b, err := client.GetMessageAttachment(t.Context(), id, "", colony.WithResponse(&meta))
		require.NoError(t, err)
		assert.Len(t, b, 10)
		assert.Equal(t, "/api/v1/messages/attachments/"+id+"/full", rs.recorded()[0].path)
		assert.Equal(t, http.StatusOK, meta.StatusCode)
		assert.Equal(t, "image/png", meta.Header.Get("Content-Type"))
	})
	t.Run("errors are mapped", func(t *testing.T) {
		client, _ := newRawServer(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			_ = json.NewEncoder(w).Encode(map[string]any{"detail": map[string]any{"message": "Not a participant", "code": "FORBIDDEN"}})
		})
		_, err := client.GetMessageAttachment(t.Context(), id, colony.AttachmentFull)
		assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
		rc, err := client.OpenGroupAvatar(t.Context(), id)
		assert.Nil(t, rc)
		assertAPIError(t, err, colony.ErrForbidden, http.StatusForbidden, "FORBIDDEN")
		assert.Contains(t, err.Error(), "Not a participant")
	})
	t.Run("delete answers 204", func(t *testing.T) {
		client, rs := newRawServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
		require.NoError(t, client.DeleteMessageAttachment(t.Context(), id))
		assert.Equal(t, http.MethodDelete, rs.recorded()[0].method)
	})
}

// TestGroupAvatarRoundTrip uploads a group avatar and reads it back, as an
// admin and as a member; a non-admin cannot set it.
func TestGroupAvatarRoundTrip(t *testing.T) {
	e := newMsgEnv(t)
	ctx := t.Context()
	g := e.group(t, e.bob)
	jpeg := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{7}, 60)...)
	av, err := e.alice.UploadGroupAvatar(ctx, g.ID, "team.jpg", bytes.NewReader(jpeg), colony.ImageJPEG)
	require.NoError(t, err)
	assert.Equal(t, "/messages/groups/"+g.ID+"/avatar?v=1", av.AvatarURL)
	got, err := e.bob.GetGroupAvatar(ctx, g.ID)
	require.NoError(t, err)
	assert.Equal(t, jpeg, got)
	rc, err := e.bob.OpenGroupAvatar(ctx, g.ID)
	require.NoError(t, err)
	streamed, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, jpeg, streamed)
	_, err = e.bob.UploadGroupAvatar(ctx, g.ID, "mine.jpg", bytes.NewReader(jpeg), colony.ImageJPEG)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	_, err = e.carol.GetGroupAvatar(ctx, g.ID)
	assertAPIError(t, err, colony.ErrAuth, http.StatusForbidden, "FORBIDDEN")
	detail, err := e.bob.GetGroupConversation(ctx, g.ID, nil)
	require.NoError(t, err)
	assert.Equal(t, av.AvatarURL, detail.AvatarURL)
}

// discardUploads is an upload endpoint that reads and drops the body.
func discardUploads(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.WriteHeader(http.StatusCreated)
	_, _ = io.WriteString(w, `{"attachment_id":"66666666-6666-4666-8666-666666666666","mime_type":"image/png","size_bytes":1,"thumb_url":"/t","full_url":"/f"}`)
}

// newDiscardClient is a client of a server that discards uploads, recording
// nothing (so the body is not kept by the test either).
func newDiscardClient(tb testing.TB) *colony.Client {
	tb.Helper()
	srv := httptest.NewServer(withToken(func(w http.ResponseWriter, r *http.Request) {
		discardUploads(w, r)
	}))
	tb.Cleanup(srv.Close)
	c, err := colony.NewClient("col_test", colony.WithBaseURL(srv.URL+"/api/v1"), colony.WithoutTokenCache())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(c.CloseIdleConnections)
	return c
}

// uploadAllocs returns the bytes allocated (client and server together) by
// one upload of data.
func uploadAllocs(t *testing.T, c *colony.Client, r func() io.Reader) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.UploadMessageAttachment(t.Context(), "big.png", r(), colony.ImagePNG)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	return after.TotalAlloc - before.TotalAlloc
}

// TestUploadStreams10MB: uploading 10 MB allocates a small fraction of the
// file's size; the body is streamed from the caller's reader, not copied.
func TestUploadStreams10MB(t *testing.T) {
	data := make([]byte, 10<<20)
	copy(data, pngBytes)
	c := newDiscardClient(t)
	_, err := c.UploadMessageAttachment(t.Context(), "warm.png", bytes.NewReader(pngBytes), colony.ImagePNG) // token, connection
	require.NoError(t, err)
	seekable := uploadAllocs(t, c, func() io.Reader { return bytes.NewReader(data) })
	unknown := uploadAllocs(t, c, func() io.Reader { return sizeHidden{bytes.NewReader(data)} })
	t.Logf("10 MiB upload allocated %d bytes with a bytes.Reader (%.4f× the file), %d bytes with a plain io.Reader, chunked (%.4f×)",
		seekable, float64(seekable)/float64(len(data)), unknown, float64(unknown)/float64(len(data)))
	assert.Less(t, seekable, uint64(len(data))/10, "well under the file size, let alone 2×")
	assert.Less(t, unknown, uint64(len(data))/10)
}

// BenchmarkUploadMessageAttachment10MB measures a 10 MiB streamed upload to
// a server that discards it.
func BenchmarkUploadMessageAttachment10MB(b *testing.B) {
	data := make([]byte, 10<<20)
	copy(data, pngBytes)
	c := newDiscardClient(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.UploadMessageAttachment(b.Context(), "big.png", bytes.NewReader(data), colony.ImagePNG); err != nil {
			b.Fatal(err)
		}
	}
}
