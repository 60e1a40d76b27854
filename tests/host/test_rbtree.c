/*
 * Host tests of lib/rbtree.c: after every insertion and erasure of random keys the
 * tree must still be a red-black tree (root black, no red node with a red child, the
 * same number of black nodes on every path, parent pointers consistent, keys in order)
 * and hold exactly the keys a reference array says it holds; rb_first/last/next/prev
 * must walk it in order both ways; the height must stay within 2 log2(n+1).
 *
 * Built natively with AddressSanitizer and UBSan (tests/host/vma.mk); TAP output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <rbtree.h>
#include "tap.h"

struct item {
	struct rb_node node;
	unsigned long key;
	bool in_tree;
};

static unsigned long key_of(const struct rb_node *n)
{
	return rb_entry(n, struct item, node)->key;
}

static void insert(struct rb_root *root, struct item *it)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = it->key < key_of(parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&it->node, parent, link);
	rb_insert_color(&it->node, root);
	it->in_tree = true;
}

/*
 * Checks the subtree at n; returns its black height, or -1 after reporting a violation.
 * *count accumulates nodes, *height the deepest level.
 */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent,
			 unsigned long lo, unsigned long hi, int depth, int *count, int *height)
{
	int l, r;

	if (!n) {
		if (depth > *height)
			*height = depth;
		return 1;
	}
	(*count)++;
	if (rb_parent(n) != parent) {
		CHECK_MSG(0, "node %lu: wrong parent pointer", key_of(n));
		return -1;
	}
	if (key_of(n) < lo || key_of(n) > hi) {
		CHECK_MSG(0, "node %lu out of order (range %lu..%lu)", key_of(n), lo, hi);
		return -1;
	}
	if (rb_color(n) == RB_RED && ((n->rb_left && rb_color(n->rb_left) == RB_RED) ||
				      (n->rb_right && rb_color(n->rb_right) == RB_RED))) {
		CHECK_MSG(0, "red node %lu has a red child", key_of(n));
		return -1;
	}
	l = check_subtree(n->rb_left, n, lo, key_of(n), depth + 1, count, height);
	r = check_subtree(n->rb_right, n, key_of(n), hi, depth + 1, count, height);
	if (l < 0 || r < 0)
		return -1;
	if (l != r) {
		CHECK_MSG(0, "node %lu: black heights %d (left) and %d (right)", key_of(n), l, r);
		return -1;
	}
	return l + (rb_color(n) == RB_BLACK);
}

/* Full check against the reference set of items; returns true if the tree is valid. */
static bool check_tree(struct rb_root *root, struct item *items, int nitems)
{
	int count = 0, height = 0, expected = 0, i, log2 = 0;
	const struct rb_node *n, *prev = NULL;
	bool before = tap_failed();

	if (root->rb_node)
		CHECK_MSG(rb_color(root->rb_node) == RB_BLACK, "the root is red");
	if (check_subtree(root->rb_node, NULL, 0, ~0UL, 0, &count, &height) < 0)
		return false;
	for (i = 0; i < nitems; i++)
		expected += items[i].in_tree;
	CHECK_MSG(count == expected, "tree holds %d nodes, expected %d", count, expected);
	while ((1 << log2) <= count + 1)
		log2++;
	CHECK_MSG(height <= 2 * log2, "height %d for %d nodes", height, count);
	/* Forward and backward walks visit every node in order. */
	i = 0;
	for (n = rb_first(root); n; n = rb_next(n), i++) {
		CHECK_MSG(!prev || key_of(prev) <= key_of(n), "rb_next out of order");
		CHECK_MSG(rb_entry(n, struct item, node)->in_tree, "node not in the reference set");
		prev = n;
	}
	CHECK_MSG(i == count, "rb_next walk saw %d of %d nodes", i, count);
	CHECK_MSG(prev == rb_last(root), "rb_next walk does not end at rb_last");
	i = 0;
	for (n = rb_last(root); n; n = rb_prev(n))
		i++;
	CHECK_MSG(i == count, "rb_prev walk saw %d of %d nodes", i, count);
	return tap_failed() == before;
}

static u32 rng = 2463534242u;

static u32 next_rand(void)
{
	return host_rand(&rng);
}

static void rbtree_empty_tree_has_no_nodes(void)
{
	struct rb_root root = RB_ROOT;

	tap_begin();
	CHECK_MSG(rb_first(&root) == NULL, "rb_first of an empty tree");
	CHECK_MSG(rb_last(&root) == NULL, "rb_last of an empty tree");
	tap_end(__func__);
}

static void rbtree_ascending_inserts_stay_balanced(void)
{
	enum { N = 4096 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int i;

	tap_begin();
	for (i = 0; i < N; i++) {
		items[i].key = i;
		insert(&root, &items[i]);
		if ((i & (i + 1)) == 0 && !check_tree(&root, items, N))
			break;
	}
	check_tree(&root, items, N);
	CHECK_MSG(key_of(rb_first(&root)) == 0, "first key");
	CHECK_MSG(key_of(rb_last(&root)) == N - 1, "last key");
	free(items);
	tap_end(__func__);
}

static void rbtree_descending_inserts_stay_balanced(void)
{
	enum { N = 4096 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int i;

	tap_begin();
	for (i = 0; i < N; i++) {
		items[i].key = N - i;
		insert(&root, &items[i]);
	}
	check_tree(&root, items, N);
	free(items);
	tap_end(__func__);
}

/* Erase every node, in an order chosen to hit each erase case (root, leaf, two children). */
static void rbtree_erase_all_in_random_order_leaves_empty_tree(void)
{
	enum { N = 1000 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int order[N], i, j, t;

	tap_begin();
	for (i = 0; i < N; i++) {
		items[i].key = next_rand() % 5000;
		insert(&root, &items[i]);
		order[i] = i;
	}
	for (i = N - 1; i > 0; i--) {
		j = next_rand() % (i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < N; i++) {
		rb_erase(&items[order[i]].node, &root);
		items[order[i]].in_tree = false;
		if (!check_tree(&root, items, N))
			break;
	}
	CHECK_MSG(root.rb_node == NULL, "tree not empty after erasing everything");
	free(items);
	tap_end(__func__);
}

/* Random interleaving of inserts and erases, duplicates included, checked after each step. */
static void rbtree_random_insert_erase_keeps_invariants(void)
{
	enum { N = 512, STEPS = 20000 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int step;

	tap_begin();
	for (step = 0; step < STEPS; step++) {
		struct item *it = &items[next_rand() % N];

		if (it->in_tree) {
			rb_erase(&it->node, &root);
			it->in_tree = false;
		} else {
			it->key = next_rand() % 300;	/* many equal keys */
			insert(&root, it);
		}
		if ((step < 2000 || step % 97 == 0) && !check_tree(&root, items, N)) {
			printf("# after step %d\n", step);
			break;
		}
	}
	check_tree(&root, items, N);
	free(items);
	tap_end(__func__);
}

static void rbtree_erase_root_repeatedly(void)
{
	enum { N = 257 };
	struct item *items = calloc(N, sizeof(*items));
	struct rb_root root = RB_ROOT;
	int i;

	tap_begin();
	for (i = 0; i < N; i++) {
		items[i].key = i * 7 % N;
		insert(&root, &items[i]);
	}
	for (i = 0; i < N && root.rb_node; i++) {
		struct item *it = rb_entry(root.rb_node, struct item, node);

		rb_erase(root.rb_node, &root);
		it->in_tree = false;
		if (!check_tree(&root, items, N))
			break;
	}
	CHECK_MSG(root.rb_node == NULL && i == N, "erased %d roots", i);
	free(items);
	tap_end(__func__);
}

int main(void)
{
	rbtree_empty_tree_has_no_nodes();
	rbtree_ascending_inserts_stay_balanced();
	rbtree_descending_inserts_stay_balanced();
	rbtree_erase_all_in_random_order_leaves_empty_tree();
	rbtree_random_insert_erase_keeps_invariants();
	rbtree_erase_root_repeatedly();
	return tap_done();
}
