/**
 * The well-known cloud hosts of the five LMSs, declared statically. Self-hosted installs (most Moodle sites, some
 * Canvas and Blackboard) are custom domains: the district lists them in policy and a teacher grants them once.
 */
export const LMS_MATCHES = [
  '*://*.instructure.com/*',
  '*://*.moodlecloud.com/*',
  '*://*.schoology.com/*',
  '*://*.brightspace.com/*',
  '*://*.desire2learn.com/*',
  '*://*.blackboard.com/*',
] as const;
