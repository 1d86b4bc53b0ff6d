/*
 * sandbox.c - Landlock, set once the notebook is open (sandbox.h).
 *
 * What is confined, and why those lines:
 * - writing, creating, removing and truncating files: only beside the
 *   notebook (its journal, its -wal, passwd's new file), in the one place
 *   a command writes to, and /dev/null and /dev/tty.  A flaw in carnet or
 *   in a library cannot then leave plaintext anywhere else on the disk.
 * - running programs: only the print command and what lies under the
 *   system's program and library folders (a print command may be a script
 *   calling lp).  Nothing dropped into the home folder, /tmp or a USB key
 *   can be run.
 * - the network (kernels from 6.7): no TCP connection but to the print
 *   server's port (631, or the one CUPS_SERVER names), none accepted;
 *   abstract Unix sockets (kernels from 6.12) only within carnet.
 * - sockets (seccomp, on the architectures named below): no UDP, raw or
 *   packet socket, so that nothing leaves but through the print server's
 *   TCP port; UDP stays allowed only when the print server is named by a
 *   host name, whose address lp must look up (DNS).  io_uring, which
 *   could open sockets past the filter, is refused.
 * Reading stays free: fonts, locales, terminfo and the print command's own
 * files are many and vary.  Unix sockets with a path (the print server's,
 * D-Bus's) stay reachable too: Landlock does not confine them (yet), and
 * lp needs CUPS's.  What stays possible, said by carnet(1) and "check":
 * a TCP connection to the print server's port on any address (Landlock's
 * port rules know no address); a program copied beside the notebook,
 * which cannot be run directly, run through the dynamic loader
 * (ld.so FILE) or a shell (sh FILE), since both only read it.
 *
 * The kernel's headers may be older than the kernel: the structures and
 * bits used here are the stable ABI, declared locally and masked to what
 * the running kernel says it knows.
 */
#define _GNU_SOURCE	/* O_PATH: Landlock is Linux's alone */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"
#include "spell.h"
#include "util.h"

#ifndef LIBDIR
#define LIBDIR "/usr/local/lib/carnet"
#endif

#if defined(SYS_landlock_create_ruleset) && defined(SYS_landlock_add_rule) && \
    defined(SYS_landlock_restrict_self)
#define HAVE_LANDLOCK 1
#endif

#define FS_EXECUTE	(1ULL << 0)
#define FS_WRITE_FILE	(1ULL << 1)
#define FS_READ_FILE	(1ULL << 2)
#define FS_READ_DIR	(1ULL << 3)
#define FS_REMOVE_DIR	(1ULL << 4)
#define FS_REMOVE_FILE	(1ULL << 5)
#define FS_MAKE_CHAR	(1ULL << 6)
#define FS_MAKE_DIR	(1ULL << 7)
#define FS_MAKE_REG	(1ULL << 8)
#define FS_MAKE_SOCK	(1ULL << 9)
#define FS_MAKE_FIFO	(1ULL << 10)
#define FS_MAKE_BLOCK	(1ULL << 11)
#define FS_MAKE_SYM	(1ULL << 12)
#define FS_REFER	(1ULL << 13)	/* ABI 2 */
#define FS_TRUNCATE	(1ULL << 14)	/* ABI 3 */
#define NET_BIND_TCP	(1ULL << 0)	/* ABI 4 */
#define NET_CONNECT_TCP	(1ULL << 1)
#define SCOPE_ABSTRACT_UNIX (1ULL << 0)	/* ABI 6 */

#define RULE_PATH_BENEATH 1
#define RULE_NET_PORT	2
#define CREATE_RULESET_VERSION (1U << 0)

/* Rights on a file (as opposed to a folder's entries). */
#define FILE_RIGHTS	(FS_EXECUTE | FS_WRITE_FILE | FS_TRUNCATE)
#define WRITE_RIGHTS	(FS_WRITE_FILE | FS_REMOVE_DIR | FS_REMOVE_FILE | \
    FS_MAKE_CHAR | FS_MAKE_DIR | FS_MAKE_REG | FS_MAKE_SOCK | FS_MAKE_FIFO | \
    FS_MAKE_BLOCK | FS_MAKE_SYM | FS_REFER | FS_TRUNCATE)
/* Beside the notebook: its own files, made, written, renamed, removed. */
#define NOTEBOOK_RIGHTS	(FS_WRITE_FILE | FS_MAKE_REG | FS_REMOVE_FILE | \
    FS_TRUNCATE)
/* A command's output: a PDF, a backup, or an export's folders (which
 * it removes again when it fails half-way). */
#define TARGET_RIGHTS	(NOTEBOOK_RIGHTS | FS_MAKE_DIR | FS_REMOVE_DIR)

struct ruleset_attr {
	uint64_t	handled_access_fs;
	uint64_t	handled_access_net;
	uint64_t	scoped;
};

struct path_beneath_attr {
	uint64_t	allowed_access;
	int32_t		parent_fd;
} __attribute__((packed));

struct net_port_attr {
	uint64_t	allowed_access;
	uint64_t	port;
};

/* The architectures whose system call numbers the socket filter knows. */
#if defined(__x86_64__) && defined(AUDIT_ARCH_X86_64)
#define FILTER_ARCH	AUDIT_ARCH_X86_64
#define FILTER_X32	0x40000000U	/* x32's numbers: refused */
#elif defined(__aarch64__) && defined(AUDIT_ARCH_AARCH64)
#define FILTER_ARCH	AUDIT_ARCH_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64 && defined(AUDIT_ARCH_RISCV64)
#define FILTER_ARCH	AUDIT_ARCH_RISCV64
#endif
/* The low 32 bits of a system call's argument N. */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG_LOW(n)	(offsetof(struct seccomp_data, args) + 8 * (n))
#else
#define ARG_LOW(n)	(offsetof(struct seccomp_data, args) + 8 * (n) + 4)
#endif
/* Every filter's start: another architecture's calls refused, then the
 * call's number loaded; x32's numbers (on x86-64) refused too. */
#define FILTER_HEAD \
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, \
		    offsetof(struct seccomp_data, arch)), \
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, FILTER_ARCH, 1, 0), \
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS), \
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, \
		    offsetof(struct seccomp_data, nr)),
#ifdef FILTER_X32
#define FILTER_NO_X32 \
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, FILTER_X32, 0, 1), \
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
#else
#define FILTER_NO_X32
#endif
#define SOCK_TYPE_MASK	0xf	/* SOCK_NONBLOCK and SOCK_CLOEXEC aside */

static int filtered;

/*
 * Is the print server named by a host name that must be looked up (DNS,
 * over UDP)?  CUPS_SERVER, else ServerName in the user's client.conf,
 * else in the system's; a socket path, localhost or an address need no
 * lookup.
 */
static int
server_named(void)
{
	const char *home = getenv("HOME"), *server = getenv("CUPS_SERVER");
	char path[4096], line[512], name[256] = "";
	const char *files[2];
	FILE *fp;
	size_t i;

	if (server != NULL)
		snprintf(name, sizeof(name), "%s", server);
	snprintf(path, sizeof(path), "%s/.cups/client.conf", home != NULL ?
	    home : "/nonexistent");
	files[0] = path;
	files[1] = "/etc/cups/client.conf";
	for (i = 0; i < 2 && name[0] == '\0'; i++) {
		if ((fp = fopen(files[i], "re")) == NULL)
			continue;
		while (fgets(line, sizeof(line), fp) != NULL)
			if (sscanf(line, " ServerName %255s", name) == 1)
				break;
		fclose(fp);
	}
	name[strcspn(name, ":")] = '\0';	/* host:port */
	if (name[0] == '\0' || name[0] == '/' || name[0] == '[' ||
	    strcmp(name, "localhost") == 0)
		return 0;
	/* An IPv4 address: digits and dots only. */
	return strspn(name, "0123456789.") != strlen(name);
}

/* Refuse, for this process and what it runs, the sockets carnet and lp
 * never need.  1 when the filter is in place, 0 where it cannot be. */
static int
filter_sockets(void)
{
#ifdef FILTER_ARCH
	int dgram = server_named();
	struct sock_filter code[] = {
		FILTER_HEAD
		FILTER_NO_X32
#ifdef SYS_io_uring_setup
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_io_uring_setup, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
#endif
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		/* socket(domain, type, protocol) */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LOW(0)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_PACKET, 7, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET6, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG_LOW(1)),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, SOCK_TYPE_MASK),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SOCK_STREAM, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, dgram ? SOCK_DGRAM :
		    SOCK_STREAM, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = (unsigned short)(sizeof(code) / sizeof(code[0])),
		.filter = code,
	};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == -1)
		return 0;
	return dgram ? 2 : 1;
#else
	return 0;
#endif
}

int
sandbox_sockets(void)
{
	return filtered;
}

#ifdef HAVE_LANDLOCK
/* The system's program and library folders, where running is allowed. */
static const char *const system_dirs[] = {
	"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
};

/* Allow RIGHTS (masked to HANDLED, and to a file's rights on a file)
 * beneath PATH.  A missing path is not an error: there is nothing there
 * to allow. */
static int
allow_path(int ruleset, const char *path, uint64_t rights, uint64_t handled)
{
	struct path_beneath_attr rule;
	struct stat sb;
	int fd, rc;

	if ((fd = open(path, O_PATH | O_CLOEXEC)) == -1)
		return errno == ENOENT || errno == ENOTDIR || errno == EACCES ?
		    0 : -1;
	if (fstat(fd, &sb) == -1) {
		close(fd);
		return -1;
	}
	rule.allowed_access = rights & handled;
	if (!S_ISDIR(sb.st_mode))
		rule.allowed_access &= FILE_RIGHTS;
	rule.parent_fd = fd;
	rc = rule.allowed_access == 0 ? 0 :
	    (int)syscall(SYS_landlock_add_rule, ruleset, RULE_PATH_BENEATH,
	    &rule, 0);
	close(fd);
	return rc == -1 ? -1 : 0;
}

/* The folder holding PATH. */
static int
allow_parent(int ruleset, const char *path, uint64_t rights,
    uint64_t handled)
{
	char *copy = xstrdup(path);
	int rc = allow_path(ruleset, dirname(copy), rights, handled);

	free(copy);
	return rc;
}

/* An existing folder itself, else the folder it or the file goes into. */
static int
allow_target(int ruleset, const char *target, uint64_t handled)
{
	if (util_is_folder(target))
		return allow_path(ruleset, target, TARGET_RIGHTS, handled);
	return allow_parent(ruleset, target, TARGET_RIGHTS, handled);
}

/* The print command's program, found as posix_spawnp() would find it. */
static int
allow_print_command(int ruleset, const char *command, uint64_t handled)
{
	const char *path = getenv("PATH");
	char *word, *dirs, *dir, *save = NULL, *full;
	size_t len;
	int rc = 0;

	if (command == NULL)
		return 0;
	command += strspn(command, " \t");
	len = strcspn(command, " \t");
	if (len == 0)
		return 0;
	word = xstrdup(command);
	word[len] = '\0';
	if (strchr(word, '/') != NULL) {
		rc = allow_path(ruleset, word, FS_EXECUTE, handled);
		free(word);
		return rc;
	}
	dirs = xstrdup(path != NULL ? path : "/usr/local/bin:/usr/bin:/bin");
	for (dir = strtok_r(dirs, ":", &save); dir != NULL;
	    dir = strtok_r(NULL, ":", &save)) {
		full = xasprintf("%s/%s", dir, word);
		if (access(full, X_OK) == 0) {
			rc = allow_path(ruleset, full, FS_EXECUTE, handled);
			free(full);
			break;
		}
		free(full);
	}
	free(dirs);
	free(word);
	return rc;
}

/* The spelling process's program (spell.c starts it after a lock), the
 * one beside carnet in a build tree, and the installed one. */
static int
allow_spelling(int ruleset, uint64_t handled)
{
	char *beside = util_beside_program(SPELL_HELPER);
	int rc = allow_path(ruleset, LIBDIR "/" SPELL_HELPER, FS_EXECUTE,
	    handled);

	if (beside != NULL)
		rc |= allow_path(ruleset, beside, FS_EXECUTE, handled);
	free(beside);
	return rc;
}

/* CUPS_SERVER may be "host:port"; a socket path or a bare host use 631. */
static long
print_server_port(void)
{
	const char *server = getenv("CUPS_SERVER"), *colon;
	long long port;

	if (server == NULL || server[0] == '/' ||
	    (colon = strrchr(server, ':')) == NULL ||
	    util_number(colon + 1, 1, 65535, &port) == -1)
		return SANDBOX_CUPS_PORT;
	return (long)port;
}

static int
allow_port(int ruleset, long port)
{
	struct net_port_attr rule;

	rule.allowed_access = NET_CONNECT_TCP;
	rule.port = (uint64_t)port;
	return (int)syscall(SYS_landlock_add_rule, ruleset, RULE_NET_PORT, &rule,
	    0);
}

static int
confine(const char *notebook, const char *const *targets,
    const char *print_command)
{
	struct ruleset_attr attr;
	size_t attr_size, i;
	uint64_t handled;
	long abi, server_port = print_server_port();
	int ruleset, failed = 0;

	abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    CREATE_RULESET_VERSION);
	if (abi < 1)
		return 0;	/* ENOSYS or EOPNOTSUPP: no Landlock here */

	memset(&attr, 0, sizeof(attr));
	handled = WRITE_RIGHTS | FS_EXECUTE;
	if (abi < 2)
		handled &= ~FS_REFER;
	if (abi < 3)
		handled &= ~FS_TRUNCATE;
	attr.handled_access_fs = handled;
	attr_size = sizeof(attr.handled_access_fs);
	if (abi >= 4) {
		attr.handled_access_net = NET_BIND_TCP | NET_CONNECT_TCP;
		attr_size += sizeof(attr.handled_access_net);
	}
	if (abi >= 6) {
		attr.scoped = SCOPE_ABSTRACT_UNIX;
		attr_size += sizeof(attr.scoped);
	}
	if ((ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr,
	    attr_size, 0)) == -1)
		return -1;

	failed |= allow_parent(ruleset, notebook, NOTEBOOK_RIGHTS, handled);
	for (i = 0; targets != NULL && targets[i] != NULL; i++)
		failed |= allow_target(ruleset, targets[i], handled);
	failed |= allow_path(ruleset, "/dev/null", FS_WRITE_FILE, handled);
	failed |= allow_path(ruleset, "/dev/tty", FS_WRITE_FILE, handled);
	for (i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++)
		failed |= allow_path(ruleset, system_dirs[i], FS_EXECUTE,
		    handled);
	failed |= allow_print_command(ruleset, print_command, handled);
	failed |= allow_spelling(ruleset, handled);
	if (abi >= 4) {
		failed |= allow_port(ruleset, SANDBOX_CUPS_PORT);
		if (server_port != SANDBOX_CUPS_PORT)
			failed |= allow_port(ruleset, server_port);
	}
	/* Landlock asks for no_new_privs: a confined process must not gain
	 * rights through a set-user-ID program. */
	if (failed || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    syscall(SYS_landlock_restrict_self, ruleset, 0) == -1) {
		close(ruleset);
		return -1;
	}
	close(ruleset);
	return (int)abi;
}
#endif

int
sandbox_confine(const char *notebook, const char *const *targets,
    const char *print_command)
{
	static int done, result;

	if (done)
		return result;
	done = 1;
#ifdef HAVE_LANDLOCK
	result = confine(notebook, targets, print_command);
#else
	(void)notebook, (void)targets, (void)print_command;
	result = 0;
#endif
	filtered = filter_sockets();
	return result;
}

/* Refuse every socket: a process that reads words and answers. */
static int
refuse_sockets(void)
{
#ifdef FILTER_ARCH
	struct sock_filter code[] = {
		FILTER_HEAD
		FILTER_NO_X32
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = (unsigned short)(sizeof(code) / sizeof(code[0])),
		.filter = code,
	};

	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0;
#else
	return 0;
#endif
}

int
sandbox_seal(void)
{
	int sealed = 0;
#ifdef HAVE_LANDLOCK
	struct ruleset_attr attr;
	size_t attr_size;
	long abi;
	int ruleset;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
	abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    CREATE_RULESET_VERSION);
	if (abi >= 1) {
		memset(&attr, 0, sizeof(attr));
		/* Every right on files handled, and none granted. */
		attr.handled_access_fs = WRITE_RIGHTS | FS_EXECUTE |
		    FS_READ_FILE | FS_READ_DIR;
		if (abi < 2)
			attr.handled_access_fs &= ~FS_REFER;
		if (abi < 3)
			attr.handled_access_fs &= ~FS_TRUNCATE;
		attr_size = sizeof(attr.handled_access_fs);
		if (abi >= 4) {
			attr.handled_access_net = NET_BIND_TCP |
			    NET_CONNECT_TCP;
			attr_size += sizeof(attr.handled_access_net);
		}
		if (abi >= 6) {
			attr.scoped = SCOPE_ABSTRACT_UNIX;
			attr_size += sizeof(attr.scoped);
		}
		ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr,
		    attr_size, 0);
		if (ruleset == -1 ||
		    syscall(SYS_landlock_restrict_self, ruleset, 0) == -1)
			return -1;
		close(ruleset);
		sealed = 1;
	}
#else
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		return -1;
#endif
	return sealed | (refuse_sockets() ? 2 : 0);
}
