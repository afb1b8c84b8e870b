package colonytest

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig for attachment sizes
	_ "image/jpeg"
	_ "image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Image attachments and group avatars: multipart uploads (form field
// "file"), checked against the declared type's magic bytes, stored and
// served back byte for byte. The thumb variant serves the same bytes.

// MaxAttachmentBytes is the size limit of an attachment or a group avatar
// (8 MiB); a larger upload is answered 413.
const MaxAttachmentBytes = 8 << 20

var (
	attachmentMimeTypes = []string{"image/png", "image/jpeg", "image/webp", "image/gif"}
	avatarMimeTypes     = []string{"image/png", "image/jpeg", "image/webp"}
)

// imageSignatures tell each accepted type by its first bytes.
var imageSignatures = map[string]func([]byte) bool{
	"image/png":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) },
	"image/jpeg": func(b []byte) bool { return bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) },
	"image/gif": func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	},
	"image/webp": func(b []byte) bool {
		return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	},
}

// storedImage is an uploaded image.
type storedImage struct {
	data          []byte
	mime          string
	width, height any // int, or nil when the fake cannot decode the size
	hash          [32]byte
}

type attachment struct {
	ID         string
	uploaderID string
	img        *storedImage
	deleted    bool
	createdAt  time.Time
}

// out renders an attachment as MessageAttachmentOut.
func (a *attachment) out() map[string]any {
	return map[string]any{"id": a.ID, "mime_type": a.img.mime, "size_bytes": len(a.img.data),
		"width": a.img.width, "height": a.img.height,
		"thumb_url": "/messages/attachments/" + a.ID + "/thumb", "full_url": "/messages/attachments/" + a.ID + "/full"}
}

func (s *Server) registerAttachments() {
	s.route("POST /messages/attachments/upload", s.handleUploadAttachment)
	s.route("DELETE /messages/attachments/{attachment_id}", s.handleDeleteAttachment)
	s.route("GET /messages/attachments/{attachment_id}/{variant}", s.handleGetAttachment)
	s.route("POST /messages/groups/{conv_id}/avatar", s.handleUploadGroupAvatar)
	s.route("GET /messages/groups/{conv_id}/avatar", s.handleGetGroupAvatar)
}

// readImage reads the "file" part of a multipart upload and checks it,
// answering 422 (no file part), 413 (too large) or 400 (empty, a type not
// in allowed, or bytes that are not of the declared type).
func readImage(w http.ResponseWriter, r *http.Request, allowed []string) (*storedImage, bool) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		validationError(w, []string{"body", "file"}, "field required (multipart/form-data)")
		return nil, false
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			validationError(w, []string{"body", "file"}, "field required")
			return nil, false
		}
		if part.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, MaxAttachmentBytes+1))
		if err != nil {
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "Malformed multipart body")
			return nil, false
		}
		ct := part.Header.Get("Content-Type")
		switch {
		case len(data) > MaxAttachmentBytes:
			writeError(w, http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED", "File too large (max 8 MB)")
		case len(data) == 0:
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "The file is empty")
		case !slices.Contains(allowed, ct):
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", fmt.Sprintf("Unsupported image type %q", ct))
		case !imageSignatures[ct](data):
			writeError(w, http.StatusBadRequest, "INVALID_INPUT", "File content does not match "+ct)
		default:
			img := &storedImage{data: data, mime: ct, hash: sha256.Sum256(data)}
			if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
				img.width, img.height = cfg.Width, cfg.Height
			}
			return img, true
		}
		return nil, false
	}
}

// serveImage answers with an image's bytes.
func serveImage(w http.ResponseWriter, img *storedImage) {
	w.Header().Set("Content-Type", img.mime)
	w.Header().Set("Content-Length", strconv.Itoa(len(img.data)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(img.data)
}

// handleUploadAttachment stores an image; the same bytes uploaded again by
// the same user return the earlier attachment with deduped true.
func (s *Server) handleUploadAttachment(w http.ResponseWriter, r *http.Request, u *user) {
	img, ok := readImage(w, r, attachmentMimeTypes)
	if !ok {
		return
	}
	for _, a := range s.msg.attachments {
		if !a.deleted && a.uploaderID == u.ID && a.img.hash == img.hash && a.img.mime == img.mime {
			writeJSON(w, http.StatusOK, uploadOut(a, true))
			return
		}
	}
	a := &attachment{ID: newID(), uploaderID: u.ID, img: img, createdAt: s.now()}
	s.msg.attachments[a.ID] = a
	writeJSON(w, http.StatusCreated, uploadOut(a, false))
}

// uploadOut renders AttachmentUploadOut.
func uploadOut(a *attachment, deduped bool) map[string]any {
	out := a.out()
	delete(out, "id")
	out["attachment_id"], out["deduped"] = a.ID, deduped
	return out
}

// handleDeleteAttachment is idempotent: an unknown id is 204 too.
func (s *Server) handleDeleteAttachment(w http.ResponseWriter, r *http.Request, u *user) {
	a := s.msg.attachments[r.PathValue("attachment_id")]
	if a != nil && !a.deleted {
		if a.uploaderID != u.ID {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "Only the uploader can delete this attachment")
			return
		}
		a.deleted = true
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleGetAttachment serves an attachment to its uploader and to the
// participants of any conversation with a message that carries it.
func (s *Server) handleGetAttachment(w http.ResponseWriter, r *http.Request, u *user) {
	a := s.msg.attachments[r.PathValue("attachment_id")]
	variant := r.PathValue("variant")
	if a == nil || a.deleted || (variant != "full" && variant != "thumb") {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "Attachment not found")
		return
	}
	if !s.canSeeAttachment(a, u) {
		writeError(w, http.StatusForbidden, "FORBIDDEN", "You cannot access this attachment")
		return
	}
	serveImage(w, a.img)
}

func (s *Server) canSeeAttachment(a *attachment, u *user) bool {
	if a.uploaderID == u.ID {
		return true
	}
	for _, m := range s.msg.messages {
		if slices.Contains(m.attachments, a) && m.conv.member(u) != nil {
			return true
		}
	}
	return false
}

func (s *Server) handleUploadGroupAvatar(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, true)
	if !ok {
		return
	}
	img, ok := readImage(w, r, avatarMimeTypes)
	if !ok {
		return
	}
	c.avatar = img
	c.avatarVer++
	writeJSON(w, http.StatusOK, map[string]any{"avatar_url": c.avatarURL()})
}

func (s *Server) handleGetGroupAvatar(w http.ResponseWriter, r *http.Request, u *user) {
	c, _, ok := s.memberGroup(w, r, u, false)
	if !ok {
		return
	}
	if c.avatar == nil {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "This group has no avatar")
		return
	}
	serveImage(w, c.avatar)
}
