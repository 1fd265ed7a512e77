/* An output file written under a temporary name next to its final path and
 * renamed into place only when complete. Shared by create-diff-object and
 * create-klp-module. */
#ifndef CDO_TMPOUT_H
#define CDO_TMPOUT_H

/* Creates FINAL.XXXXXX (mode 0644) and returns its descriptor, or -1 with
 * errno set. From then on the temporary file is removed at exit, when
 * SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGXFSZ arrives (the signal is then
 * raised again with its default action) and when a sanitizer reports. */
int tmpout_open(const char *final);
/* The temporary file's name (for messages). */
const char *tmpout_path(void);
/* fsync, close and rename over FINAL; -1 with errno set on failure (the
 * temporary file is still removed at exit). */
int tmpout_commit(void);
/* Closes and removes the temporary file now, if there is one (the fuzz
 * harness after an error; a program simply exits). */
void tmpout_discard(void);

#endif
