package colony

import (
	"context"
	"io"
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
	return call[AttachmentUpload](ctx, c, epUploadMessageAttachment, args{body: body}, opts)
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
	return call[GroupAvatar](ctx, c, epUploadGroupAvatar, args{params: []string{convID}, body: body}, opts)
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
	cl, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	if !cl.ok() {
		return nil, c.statusError(&cl)
	}
	defer discard(cl.resp)
	cl.recordMeta()
	b, err := readLimited(cl.resp, min(c.maxBody, MaxAttachmentBytes))
	if err != nil {
		return nil, cl.fail(err.Error(), err)
	}
	return b, nil
}

// open sends a GET and hands its body to the caller.
func (c *Client) open(ctx context.Context, r *request, opts []CallOption) (io.ReadCloser, error) {
	cl, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	if !cl.ok() {
		return nil, c.statusError(&cl)
	}
	cl.recordMeta()
	return cl.resp.Body, nil
}
