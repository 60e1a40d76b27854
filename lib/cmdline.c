/*
 * The kernel command line, as the boot loader passed it ("/boot/kernel.elf test=buddy
 * loglevel=8"). It is copied into the kernel at boot, because the loader's copy lies in
 * memory the allocators will hand out. Words are separated by spaces; a word is either
 * "name" or "name=value".
 */
#include <kernel.h>
#include <string.h>

#define COMMAND_LINE_SIZE 512

static char command_line[COMMAND_LINE_SIZE];

void cmdline_init(const char *cmdline)
{
	if (cmdline)
		strlcpy(command_line, cmdline, sizeof(command_line));
}

const char *cmdline_get(void)
{
	return command_line;
}

/* Finds word "name" or "name=..." and returns a pointer just past the name. */
static const char *find_word(const char *name)
{
	size_t n = strlen(name);
	const char *p = command_line;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, name, n) && (p[n] == '\0' || p[n] == ' ' || p[n] == '='))
			return p + n;
		while (*p && *p != ' ')
			p++;
	}
	return NULL;
}

bool cmdline_has(const char *name)
{
	return find_word(name) != NULL;
}

const char *cmdline_value(const char *name)
{
	const char *p = find_word(name);

	return (p && *p == '=') ? p + 1 : NULL;
}

/*
 * Is name one of the comma-separated words of list ("buddy,slab" in "test=buddy,slab")?
 * The list ends at a space or at the end of the string, as a command-line value does.
 */
bool name_in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (*p && *p != ' ') {
		if (!strncmp(p, name, n) && (p[n] == ',' || p[n] == ' ' || !p[n]))
			return true;
		while (*p && *p != ',' && *p != ' ')
			p++;
		if (*p == ',')
			p++;
	}
	return false;
}
