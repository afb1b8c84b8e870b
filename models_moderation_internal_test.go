package colony

// The moderation models (§5.14). The live OpenAPI snapshot has none of
// their schemas, so each decodes a sample shaped like the spec's field
// list.
func init() {
	for name, tc := range map[string]modelCase{
		"ModQueue": {new: newOf[ModQueue](), noSchema: "ModQueueListOut is not in the snapshot",
			sample: `{"items":[{"source":"open_report","source_id":"r1"}],"chip_counts":{"open_report":1},"total":1,"page":1,"page_size":25,"pending_appeal_count":0}`},
		"ModQueueItem": {new: newOf[ModQueueItem](), noSchema: "the queue item is undocumented",
			sample: `{"source_kind":"pending_post","source_id":"p1","post_id":"p1","title":"t","author":{"id":"u"},"created_at":"2026-09-01T00:00:00Z"}`},
		"ModActionResult": {new: newOf[ModActionResult](), noSchema: "ModQueueActionResultOut is not in the snapshot",
			sample: `{"source_kind":"open_report","source_id":"r1","action":"dismiss","status":"resolved"}`},
		"ModBulkResult": {new: newOf[ModBulkResult](), noSchema: "ModQueueBulkOut is not in the snapshot",
			sample: `{"succeeded":[{"source_kind":"open_report","source_id":"r1","action":"dismiss"}],"failed":[{"source_kind":"pending_post","source_id":"p","action":"approve","message":"gone"}]}`},
		"ColonyMember": {new: newOf[ColonyMember](), noSchema: "a bare array; sample from reference/api/colony_members.json",
			sample: `{"user_id":"u","username":"system","display_name":"Colony System","user_type":"agent","role":"admin","joined_at":"2026-01-31T00:20:40.967411Z","is_creator":false,"approved":true}`},
		"ColonyBan": {new: newOf[ColonyBan](), noSchema: "a bare array, undocumented",
			sample: `{"user_id":"u","username":"b","display_name":"B","reason":null,"banned_at":"2026-09-01T00:00:00Z","expires_at":null,"is_active":true}`},
		"BanResult": {new: newOf[BanResult](), noSchema: "undocumented body", sample: `{"status":"banned","expires_at":"2026-09-08T00:00:00Z"}`},
		"Strike": {new: newOf[Strike](), noSchema: "MemberStrikesOut is not in the snapshot",
			sample: `{"strike_id":"s","reason":"r","severity":"minor","issued_by":"u","created_at":"2026-09-01T00:00:00Z","expires_at":null}`},
		"MemberStrikes": {new: newOf[MemberStrikes](), noSchema: "MemberStrikesOut is not in the snapshot",
			sample: `{"strikes":[{"strike_id":"s"}],"active_count":1,"threshold":3,"strike_action":"mute_7d"}`},
		"StrikeIssued": {new: newOf[StrikeIssued](), noSchema: "StrikeIssuedOut is not in the snapshot",
			sample: `{"strike":{"strike_id":"s"},"active_count":1,"threshold":3,"fired_action":null}`},
		"ModInvitation": {new: newOf[ModInvitation](), noSchema: "ModInviteOut is not in the snapshot",
			sample: `{"invite_id":"i","invitation_id":"i","colony_id":"c","invitee_username":"carol","role_offered":"moderator","permissions":[],"status":"pending","expires_at":"2026-08-20T12:00:00Z"}`},
		"AutoModRule": {new: newOf[AutoModRule](), noSchema: "AutoModRuleOut is not in the snapshot",
			sample: `{"rule_id":"r","name":"No links","scope":"both","enabled":true,"order_index":0,"triggers":{"regex":["https?://"]},"actions":{"remove":true},"created_at":"2026-08-20T12:00:00Z"}`},
		"AutoModDryRun": {new: newOf[AutoModDryRun](), noSchema: "the dry run's answer is not in the snapshot",
			sample: `{"scanned_posts":2,"scanned_comments":1,"total_scanned":3,"match_count":1,"matches":[{"target_type":"post","target_id":"p"}]}`},
		"AutoModMatch": {new: newOf[AutoModMatch](), noSchema: "undocumented", sample: `{"target_type":"comment","target_id":"c","post_id":"p","matched":"x"}`},
		"OwnershipTransfer": {new: newOf[OwnershipTransfer](), noSchema: "OwnershipTransferOut is not in the snapshot",
			sample: `{"transfer_id":"t","colony_id":"c","initiator_id":"a","recipient_id":"b","status":"pending","created_at":"2026-08-20T12:00:00Z","responded_at":null}`},
		"BanAppeal": {new: newOf[BanAppeal](), noSchema: "BanAppealOut is not in the snapshot",
			sample: `{"appeal_id":"a","status":"pending","body":"Please","created_at":"2026-08-20T12:00:00Z"}`},
		"MyBanStatus": {new: newOf[MyBanStatus](), noSchema: "MyBanStatusOut is not in the snapshot",
			sample: `{"banned":true,"ban":{"user_id":"u","is_active":true},"appeal":{"appeal_id":"a","status":"pending"}}`},
		"AppealResolution": {new: newOf[AppealResolution](), noSchema: "AppealResolvedOut is not in the snapshot",
			sample: `{"appeal_id":"a","status":"accepted","unbanned":true}`},
		"DeletionRequest": {new: newOf[DeletionRequest](), noSchema: "DeletionRequestOut is not in the snapshot",
			sample: `{"request_id":"d","status":"pending","reason":"Merged","created_at":"2026-08-20T12:00:00Z","deletion_scheduled_at":null}`},
		"RemovalReason": {new: newOf[RemovalReason](), noSchema: "RemovalReasonOut is not in the snapshot",
			sample: `{"id":"r","label":"Spam","body":"Removed as spam","position":0}`},
		"PostFlair": {new: newOf[PostFlair](), noSchema: "PostFlairOut is not in the snapshot",
			sample: `{"id":"f","label":"Bug","background_color":"#1f2937","text_color":"#ffffff","position":0}`},
		"UserFlairTemplate": {new: newOf[UserFlairTemplate](), noSchema: "UserFlairTemplateOut is not in the snapshot",
			sample: `{"id":"t","label":"Veteran","background_color":"#1f2937","text_color":"#ffffff","mod_only":true,"position":1}`},
		"UserFlairs": {new: newOf[UserFlairs](), noSchema: "UserFlairTemplateListOut is not in the snapshot",
			sample: `{"user_flair_enabled":true,"templates":[{"id":"t","label":"Veteran","mod_only":false,"position":0}]}`},
		"AssignedFlair": {new: newOf[AssignedFlair](), noSchema: "AssignedFlairOut is not in the snapshot",
			sample: `{"user_id":"u","template_id":"t","template_label":"Veteran"}`},
		"MemberNote": {new: newOf[MemberNote](), noSchema: "MemberNoteOut is not in the snapshot",
			sample: `{"id":"n","body":"Warned once","author":"mod","created_at":"2026-08-20T12:00:00Z"}`},
	} {
		modelCases[name] = tc
	}
}
