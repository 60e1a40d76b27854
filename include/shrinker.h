/*
 * Shrinkers: caches that can give memory back when the page allocator runs short.
 *
 * The buddy allocator knows nothing of the slab allocator (the layering goes the other
 * way), so a cache that holds free pages registers a shrinker. When an allocation with
 * __GFP_RECLAIM finds no free block, alloc_pages() calls every shrinker once and retries
 * before giving up.
 */
#ifndef _SHRINKER_H
#define _SHRINKER_H

#include "list.h"

struct shrinker {
	const char *name;
	unsigned long (*scan)(struct shrinker *s);	/* returns pages freed */
	struct list_head list;
};

void register_shrinker(struct shrinker *s);
void unregister_shrinker(struct shrinker *s);
unsigned long shrink_all(void);		/* runs every shrinker; returns pages freed */

#endif /* _SHRINKER_H */
