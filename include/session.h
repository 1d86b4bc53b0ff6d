/*
 * session.h - who is writing a draft: each carnet process is a session,
 * named by the machine's boot, its pid and its start time, so that a draft
 * left by a session that is gone (killed, crashed, the machine restarted)
 * can be told from one another window is still writing.
 */
#ifndef CARNET_SESSION_H
#define CARNET_SESSION_H

/* This process's session, as text (a static string). */
const char	*session_self(void);
/* Is the session named ID running now?  An ID that cannot be read is a
 * session that is gone. */
int		 session_alive(const char *id);

#endif
