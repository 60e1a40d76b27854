/*
 * Red-black trees, with Linux's interface (include/rbtree.h).
 *
 * Problem: an address space keeps its areas sorted, and the page-fault handler must find
 * the area holding an address among possibly thousands (a malloc-heavy program makes
 * one mapping per large block). A sorted list costs O(n) per fault; a plain binary
 * search tree degenerates into that list when mappings are made in address order, which
 * top-down mmap placement does all the time.
 *
 * Data structure: a red-black tree, a binary search tree whose nodes are coloured so
 * that (1) the root is black, (2) a red node has no red child, (3) every path from a
 * node down to a NULL leaf passes the same number of black nodes. (2) and (3) together
 * bound the longest path at twice the shortest, so the height stays below 2 log2(n+1).
 * Insertion and erasure restore the rules with at most three rotations plus recolouring
 * that climbs the tree, so both are O(log n).
 *
 * Trade-offs: an AVL tree is more tightly balanced (faster lookups) but rotates more
 * on updates; a skip list or a B-tree (Linux's maple tree since 6.1) is more cache
 * friendly but far more code. The node is embedded in the indexed structure and the
 * caller walks down to the insertion point itself, so the tree code never compares
 * keys and never allocates: it only relinks and recolours. The parent pointer and the
 * colour share one word (nodes are word aligned, so bit 0 of the pointer is free).
 *
 * Relies on: nothing but types.h; this file is also compiled natively for host tests.
 */
#include <rbtree.h>

static inline bool rb_is_red(const struct rb_node *n)
{
	return n && rb_color(n) == RB_RED;
}

static inline bool rb_is_black(const struct rb_node *n)
{
	return !n || rb_color(n) == RB_BLACK;	/* NULL leaves count as black */
}

static inline void rb_set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = rb_color(n) | (unsigned long)p;
}

static inline void rb_set_color(struct rb_node *n, unsigned long color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

static inline void rb_set_red(struct rb_node *n)
{
	rb_set_color(n, RB_RED);
}

static inline void rb_set_black(struct rb_node *n)
{
	rb_set_color(n, RB_BLACK);
}

/* Make whatever pointed at old (its parent's link or the root) point at new. */
static inline void rb_change_child(struct rb_node *old, struct rb_node *new,
				   struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 *     x              y
 *    / \            / \
 *   a   y    =>    x   c
 *      / \        / \
 *     b   c      a   b
 * In-order sequence a x b y c is unchanged; colours are not touched.
 */
static void rb_rotate_left(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *parent = rb_parent(x);

	x->rb_right = y->rb_left;
	if (y->rb_left)
		rb_set_parent(y->rb_left, x);
	y->rb_left = x;
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	rb_set_parent(x, y);
}

static void rb_rotate_right(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_left;
	struct rb_node *parent = rb_parent(x);

	x->rb_left = y->rb_right;
	if (y->rb_right)
		rb_set_parent(y->rb_right, x);
	y->rb_right = x;
	rb_set_parent(y, parent);
	rb_change_child(x, y, parent, root);
	rb_set_parent(x, y);
}

/*
 * The new node is red (rb_link_node made it so), which keeps rule (3); only rule (2)
 * can break, when its parent is red too. Then look at the uncle: a red uncle means
 * parent and uncle turn black, grandparent red, and the problem moves two levels up;
 * a black uncle is fixed for good by one or two rotations around the grandparent.
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);	/* exists: a red node is never the root */
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (rb_is_red(uncle)) {
				rb_set_black(uncle);
				rb_set_black(parent);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				rb_rotate_left(parent, root);
				node = parent;
				parent = rb_parent(node);
			}
			rb_set_black(parent);
			rb_set_red(gparent);
			rb_rotate_right(gparent, root);
		} else {
			uncle = gparent->rb_left;
			if (rb_is_red(uncle)) {
				rb_set_black(uncle);
				rb_set_black(parent);
				rb_set_red(gparent);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rb_rotate_right(parent, root);
				node = parent;
				parent = rb_parent(node);
			}
			rb_set_black(parent);
			rb_set_red(gparent);
			rb_rotate_left(gparent, root);
		}
	}
	rb_set_black(root->rb_node);
}

/*
 * A black node was removed from below parent, on node's side (node may be NULL): that
 * side is one black short. Borrow from the sibling's side by recolouring and rotating;
 * if the sibling's side has nothing to spare, make it one short too and move up.
 */
static void rb_erase_color(struct rb_node *node, struct rb_node *parent, struct rb_root *root)
{
	struct rb_node *sibling;

	while (node != root->rb_node && rb_is_black(node)) {
		if (parent->rb_left == node) {
			sibling = parent->rb_right;
			if (rb_is_red(sibling)) {
				rb_set_black(sibling);
				rb_set_red(parent);
				rb_rotate_left(parent, root);
				sibling = parent->rb_right;
			}
			if (rb_is_black(sibling->rb_left) && rb_is_black(sibling->rb_right)) {
				rb_set_red(sibling);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_right)) {
				rb_set_black(sibling->rb_left);
				rb_set_red(sibling);
				rb_rotate_right(sibling, root);
				sibling = parent->rb_right;
			}
			rb_set_color(sibling, rb_color(parent));
			rb_set_black(parent);
			rb_set_black(sibling->rb_right);
			rb_rotate_left(parent, root);
		} else {
			sibling = parent->rb_left;
			if (rb_is_red(sibling)) {
				rb_set_black(sibling);
				rb_set_red(parent);
				rb_rotate_right(parent, root);
				sibling = parent->rb_left;
			}
			if (rb_is_black(sibling->rb_left) && rb_is_black(sibling->rb_right)) {
				rb_set_red(sibling);
				node = parent;
				parent = rb_parent(node);
				continue;
			}
			if (rb_is_black(sibling->rb_left)) {
				rb_set_black(sibling->rb_right);
				rb_set_red(sibling);
				rb_rotate_left(sibling, root);
				sibling = parent->rb_left;
			}
			rb_set_color(sibling, rb_color(parent));
			rb_set_black(parent);
			rb_set_black(sibling->rb_left);
			rb_rotate_right(parent, root);
		}
		node = root->rb_node;
		break;
	}
	if (node)
		rb_set_black(node);
}

/*
 * Unlink node. A node with two children is replaced by its in-order successor (the
 * leftmost node of its right subtree, which has no left child), so what is physically
 * removed from its position always has at most one child. If that position held a
 * black node, rule (3) is broken on that side and rb_erase_color() repairs it.
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	unsigned long color;

	if (node->rb_left && node->rb_right) {
		struct rb_node *old = node, *left;

		node = node->rb_right;
		while ((left = node->rb_left))
			node = left;
		child = node->rb_right;
		parent = rb_parent(node);
		color = rb_color(node);
		if (child)
			rb_set_parent(child, parent);
		if (parent == old) {
			parent->rb_right = child;
			parent = node;
		} else {
			parent->rb_left = child;
		}
		/* The successor takes old's place, colour and children. */
		node->__rb_parent_color = old->__rb_parent_color;
		node->rb_left = old->rb_left;
		node->rb_right = old->rb_right;
		rb_change_child(old, node, rb_parent(old), root);
		rb_set_parent(old->rb_left, node);
		if (old->rb_right)
			rb_set_parent(old->rb_right, node);
	} else {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		color = rb_color(node);
		if (child)
			rb_set_parent(child, parent);
		rb_change_child(node, child, parent, root);
	}
	if (color == RB_BLACK)
		rb_erase_color(child, parent, root);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

/* In-order successor: leftmost of the right subtree, else the first ancestor we are left of. */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}
