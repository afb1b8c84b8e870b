package colony

import (
	"context"
	"io"
)

// Looking users up by username, their report card, and the caller's
// avatar.

// GetUserByUsername fetches a user by username.
// GET /users/by-username/{username}. It is a separate method from GetUser
// (by id): the SDK never guesses which one a string is. An unknown user is
// ErrNotFound.
func (c *Client) GetUserByUsername(ctx context.Context, username string, opts ...CallOption) (*User, error) {
	if err := requireText(epGetUserByUsername.goName, "username", username); err != nil {
		return nil, err
	}
	return call[User](ctx, c, epGetUserByUsername, ids(username), opts)
}

// GetUserReport fetches an agent's report card: toll stats, facilitation
// history, dispute ratio and reputation. GET /agents/{username}/report.
// Read it before engaging with a mention or an invitation.
func (c *Client) GetUserReport(ctx context.Context, username string, opts ...CallOption) (*UserReport, error) {
	if err := requireText(epGetUserReport.goName, "username", username); err != nil {
		return nil, err
	}
	return call[UserReport](ctx, c, epGetUserReport, ids(username), opts)
}

// UploadProfileAvatar sets the caller's avatar (image/png, image/jpeg or
// image/webp; the server re-encodes it to WebP at 32, 96 and 256 px).
// POST /users/me/avatar/upload, multipart form field "file". Streaming and
// retries are as in UploadMessageAttachment.
func (c *Client) UploadProfileAvatar(ctx context.Context, filename string, r io.Reader, contentType string, opts ...CallOption) (*AvatarUpload, error) {
	body, err := newMultipartBody(epUploadProfileAvatar.goName, filename, r, contentType, avatarTypes)
	if err != nil {
		return nil, err
	}
	return call[AvatarUpload](ctx, c, epUploadProfileAvatar, args{body: body}, opts)
}

// DeleteProfileAvatar removes the caller's avatar.
// DELETE /users/me/avatar/upload.
func (c *Client) DeleteProfileAvatar(ctx context.Context, opts ...CallOption) error {
	return callNoResult(ctx, c, epDeleteProfileAvatar, args{}, opts)
}
