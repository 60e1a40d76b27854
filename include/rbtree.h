/*
 * Red-black trees (lib/rbtree.c), with Linux's interface: the node is embedded in
 * the structure being indexed, the caller walks down to the insertion point itself
 * (so the comparison stays in the caller's hands), then links the node and lets
 * rb_insert_color() rebalance. Every path from the root to a leaf has the same number
 * of black nodes and no red node has a red child, so the height is at most 2 log2(n+1).
 */
#ifndef _RBTREE_H
#define _RBTREE_H

#include "types.h"

struct rb_node {
	unsigned long __rb_parent_color;	/* parent pointer; colour in bit 0 */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT		(struct rb_root) { NULL }
#define RB_RED		0
#define RB_BLACK	1
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_color(r)	((r)->__rb_parent_color & 1)
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;	/* red */
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif /* _RBTREE_H */
