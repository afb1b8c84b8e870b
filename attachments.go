package colony

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
)

// Endpoints of this file.
var (
	epUploadMessageAttachment = post("UploadMessageAttachment", "upload_message_attachment", "/messages/attachments/upload")
	epUploadGroupAvatar       = post("UploadGroupAvatar", "upload_group_avatar", "/messages/groups/{conv_id}/avatar")
	epGetMessageAttachment    = get("GetMessageAttachment", "get_message_attachment", "/messages/attachments/{attachment_id}/{variant}")
	epOpenMessageAttachment   = get("OpenMessageAttachment", "", "/messages/attachments/{attachment_id}/{variant}")
	epDeleteMessageAttachment = del("DeleteMessageAttachment", "delete_message_attachment", "/messages/attachments/{attachment_id}")
	epGetGroupAvatar          = get("GetGroupAvatar", "get_group_avatar", "/messages/groups/{conv_id}/avatar")
	epOpenGroupAvatar         = get("OpenGroupAvatar", "", "/messages/groups/{conv_id}/avatar")
)

// Image attachments of messages and group avatars: multipart uploads that
// stream the caller's reader, and byte downloads with a size cap or as a
// stream.

// Image content types accepted by the upload endpoints.
const (
	ImagePNG  = "image/png"
	ImageJPEG = "image/jpeg"
	ImageWebP = "image/webp"
	ImageGIF  = "image/gif" // attachments only, not avatars
)

var (
	attachmentTypes = []string{ImagePNG, ImageJPEG, ImageWebP, ImageGIF}
	avatarTypes     = []string{ImagePNG, ImageJPEG, ImageWebP}
)

// MaxAttachmentBytes is the server's size limit for an attachment (8 MiB;
// larger uploads are refused with 413). GetMessageAttachment and
// GetGroupAvatar refuse bodies beyond it (or beyond WithMaxResponseBytes,
// if smaller) with ErrResponseTooLarge; OpenMessageAttachment and
// OpenGroupAvatar stream without a cap.
const MaxAttachmentBytes = 8 << 20

// AttachmentVariant selects the rendition GetMessageAttachment downloads.
type AttachmentVariant string

// Attachment variants.
const (
	AttachmentFull  AttachmentVariant = "full"
	AttachmentThumb AttachmentVariant = "thumb"
)

// UploadMessageAttachment uploads an image (image/png, image/jpeg,
// image/webp or image/gif, checked locally; the server also checks the
// bytes and refuses more than 8 MiB with 413) for use in messages.
// POST /messages/attachments/upload, multipart form field "file".
//
// The body is streamed from r, never held in memory; r is not closed. Its
// length is sent when r reports it (Len, Size, or an *os.File's Stat), else
// the body goes out chunked. The call is retried (and replayed after a
// token refresh) only when r is an io.Seeker, which is rewound to where it
// started; any other reader is sent exactly once.
func (c *Client) UploadMessageAttachment(ctx context.Context, filename string, r io.Reader, contentType string, opts ...CallOption) (*AttachmentUpload, error) {
	body, err := newMultipartBody(epUploadMessageAttachment.goName, filename, r, contentType, attachmentTypes)
	if err != nil {
		return nil, err
	}
	var out AttachmentUpload
	if err := c.do(ctx, body.request(epUploadMessageAttachment, nil), &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// UploadGroupAvatar sets a group's avatar (image/png, image/jpeg or
// image/webp; the server crops it square); admins only. Streaming and
// retries are as in UploadMessageAttachment.
// POST /messages/groups/{conv_id}/avatar, multipart form field "file".
func (c *Client) UploadGroupAvatar(ctx context.Context, convID, filename string, r io.Reader, contentType string, opts ...CallOption) (*GroupAvatar, error) {
	body, err := newMultipartBody(epUploadGroupAvatar.goName, filename, r, contentType, avatarTypes)
	if err != nil {
		return nil, err
	}
	var out GroupAvatar
	if err := c.do(ctx, body.request(epUploadGroupAvatar, []string{convID}), &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteMessageAttachment deletes an attachment you uploaded (idempotent;
// the server answers 204). DELETE /messages/attachments/{attachment_id}.
func (c *Client) DeleteMessageAttachment(ctx context.Context, attachmentID string, opts ...CallOption) error {
	return callNoResult(ctx, c, epDeleteMessageAttachment, ids(attachmentID), opts)
}

// GetMessageAttachment downloads an attachment's bytes; variant "" means
// AttachmentFull. Only participants of a conversation that carries it (and
// its uploader) may fetch it. The body is capped at MaxAttachmentBytes.
// GET /messages/attachments/{attachment_id}/{variant}.
func (c *Client) GetMessageAttachment(ctx context.Context, attachmentID string, variant AttachmentVariant, opts ...CallOption) ([]byte, error) {
	req, err := attachmentRequest(epGetMessageAttachment, attachmentID, variant)
	if err != nil {
		return nil, err
	}
	return c.download(ctx, req, opts)
}

// OpenMessageAttachment is GetMessageAttachment as a stream, with no size
// cap: the caller reads and must close the body. A client timeout
// (WithTimeout) still bounds the whole read.
// GET /messages/attachments/{attachment_id}/{variant}.
func (c *Client) OpenMessageAttachment(ctx context.Context, attachmentID string, variant AttachmentVariant, opts ...CallOption) (io.ReadCloser, error) {
	req, err := attachmentRequest(epOpenMessageAttachment, attachmentID, variant)
	if err != nil {
		return nil, err
	}
	return c.open(ctx, req, opts)
}

// GetGroupAvatar downloads a group's avatar; members only. The body is
// capped at MaxAttachmentBytes. GET /messages/groups/{conv_id}/avatar.
func (c *Client) GetGroupAvatar(ctx context.Context, convID string, opts ...CallOption) ([]byte, error) {
	return c.download(ctx, epGetGroupAvatar.req(ids(convID)), opts)
}

// OpenGroupAvatar is GetGroupAvatar as a stream the caller must close.
// GET /messages/groups/{conv_id}/avatar.
func (c *Client) OpenGroupAvatar(ctx context.Context, convID string, opts ...CallOption) (io.ReadCloser, error) {
	return c.open(ctx, epOpenGroupAvatar.req(ids(convID)), opts)
}

func attachmentRequest(ep *endpoint, attachmentID string, variant AttachmentVariant) (*request, error) {
	if variant == "" {
		variant = AttachmentFull
	}
	if err := checkToken(ep.goName, "variant", variant, []AttachmentVariant{AttachmentFull, AttachmentThumb}); err != nil {
		return nil, err
	}
	return ep.req(ids(attachmentID, string(variant))), nil
}

// download sends a GET and returns its body, capped at MaxAttachmentBytes.
func (c *Client) download(ctx context.Context, r *request, opts []CallOption) ([]byte, error) {
	resp, path, st, key, cc, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	defer discard(resp)
	if err := statusError(r, path, resp); err != nil {
		return nil, err
	}
	if cc.meta != nil {
		fillMeta(cc.meta, resp, st, key)
	}
	b, err := readLimited(resp, min(c.maxBody, MaxAttachmentBytes))
	if err != nil {
		return nil, &APIError{StatusCode: resp.StatusCode, Method: r.method, Path: path, Route: r.route, Message: err.Error(), Err: err}
	}
	return b, nil
}

// open sends a GET and hands its body to the caller.
func (c *Client) open(ctx context.Context, r *request, opts []CallOption) (io.ReadCloser, error) {
	resp, path, st, key, cc, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	if err := statusError(r, path, resp); err != nil {
		discard(resp)
		return nil, err
	}
	if cc.meta != nil {
		fillMeta(cc.meta, resp, st, key)
	}
	return resp.Body, nil
}

// statusError maps a non-2xx response to its *APIError, reading at most
// maxErrorBody bytes of it.
func statusError(r *request, path string, resp *http.Response) error {
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	return newStatusError(r.method, path, r.route, resp, b)
}

// multipartBody is a multipart/form-data body with one part, "file",
// streamed from the caller's reader between a fixed prefix and suffix.
type multipartBody struct {
	boundary string
	prefix   []byte
	suffix   []byte
	length   int64 // whole body; -1 when the reader's length is unknown
	first    io.Reader
	rewind   func() (io.ReadCloser, error) // nil: not replayable
}

// newMultipartBody validates an upload and prepares its body, exactly as
// Python 1.14.1 lays it out (spec §1.14): boundary "----colonysdk" + 32 hex
// characters, the part headers below, and "--boundary--\r\n" at the end.
func newMultipartBody(op, filename string, r io.Reader, contentType string, allowed []string) (*multipartBody, error) {
	name := strings.NewReplacer("\r", "", "\n", "").Replace(filename)
	if strings.TrimSpace(name) == "" {
		return nil, invalidParams(op, "filename must not be empty")
	}
	if r == nil {
		return nil, invalidParams(op, "nil reader")
	}
	if !slices.Contains(allowed, contentType) {
		return nil, invalidParams(op, "content type %q is not accepted; use one of %v", contentType, allowed)
	}
	size := readerSize(r)
	if size == 0 {
		return nil, invalidParams(op, "the file is empty")
	}
	var rnd [16]byte
	_, _ = rand.Read(rnd[:])
	m := &multipartBody{boundary: "----colonysdk" + hex.EncodeToString(rnd[:]), first: r, length: -1}
	escaped := strings.ReplaceAll(strings.ReplaceAll(name, `\`, `\\`), `"`, `\"`)
	m.prefix = fmt.Appendf(nil, "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n",
		m.boundary, escaped, contentType)
	m.suffix = fmt.Appendf(nil, "\r\n--%s--\r\n", m.boundary)
	if size > 0 {
		m.length = int64(len(m.prefix)) + size + int64(len(m.suffix))
	}
	if s, ok := r.(io.ReadSeeker); ok {
		if start, err := s.Seek(0, io.SeekCurrent); err == nil {
			src := &rewindableSource{src: s, start: start}
			m.first = src.reader()
			m.rewind = func() (io.ReadCloser, error) {
				rd, err := src.rewound()
				if err != nil {
					return nil, err
				}
				return io.NopCloser(m.wrap(rd)), nil
			}
		}
	}
	return m, nil
}

func (m *multipartBody) wrap(file io.Reader) io.Reader {
	return io.MultiReader(bytes.NewReader(m.prefix), file, bytes.NewReader(m.suffix))
}

// request is the call of ep with this body.
func (m *multipartBody) request(ep *endpoint, params []string) *request {
	r := ep.req(args{params: params})
	r.raw, r.rawLen, r.rawRewind = m.wrap(m.first), m.length, m.rewind
	r.contentType = "multipart/form-data; boundary=" + m.boundary
	return r
}

// readerSize returns how many bytes r has left, or -1 when it cannot tell.
func readerSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		pos, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		return max(fi.Size()-pos, 0)
	case interface{ Size() int64 }:
		if s, ok := r.(io.Seeker); ok {
			pos, err := s.Seek(0, io.SeekCurrent)
			if err != nil {
				return -1
			}
			return max(v.Size()-pos, 0)
		}
		return v.Size()
	}
	return -1
}

// errBodySuperseded ends a read of an upload body that a retry has
// replaced; net/http may still be draining the old attempt's body.
var errBodySuperseded = errors.New("colony: upload body replaced by a retry")

// rewindableSource shares one seekable reader between the attempts of an
// upload. Each rewind starts a new generation; reads of an older
// generation fail instead of racing the new one for the reader's offset.
type rewindableSource struct {
	mu    sync.Mutex
	src   io.ReadSeeker
	start int64
	gen   int
}

func (s *rewindableSource) reader() io.Reader {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &generationReader{s: s, gen: s.gen}
}

func (s *rewindableSource) rewound() (io.Reader, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.src.Seek(s.start, io.SeekStart); err != nil {
		return nil, err
	}
	s.gen++
	return &generationReader{s: s, gen: s.gen}, nil
}

type generationReader struct {
	s   *rewindableSource
	gen int
}

func (g *generationReader) Read(p []byte) (int, error) {
	g.s.mu.Lock()
	defer g.s.mu.Unlock()
	if g.gen != g.s.gen {
		return 0, errBodySuperseded
	}
	return g.s.src.Read(p)
}
