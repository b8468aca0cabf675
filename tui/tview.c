/* tview.c: selection and scrolling of a list (see tview.h). */
#include "config.h"

#include "tui/tview.h"

/* Keep the selected row on screen and the screen as full as it can be. */
static void tview_clamp(struct tview *v)
{
	size_t h = v->height > 0 ? (size_t)v->height : 1;
	if (v->count == 0) {
		v->selected = v->top = 0;
		return;
	}
	if (v->selected >= v->count)
		v->selected = v->count - 1;
	if (v->count <= h)
		v->top = 0;
	else if (v->top > v->count - h)
		v->top = v->count - h;
	if (v->selected < v->top)
		v->top = v->selected;
	else if (v->selected >= v->top + h)
		v->top = v->selected - h + 1;
}

void tview_set(struct tview *v, size_t count, int height)
{
	v->count = count;
	v->height = height > 0 ? height : 1;
	tview_clamp(v);
}

void tview_move(struct tview *v, long long delta)
{
	if (v->count == 0)
		return;
	if (delta < 0 && (size_t)-delta > v->selected)
		v->selected = 0;
	else if (delta > 0 && (size_t)delta >= v->count - v->selected)
		v->selected = v->count - 1;
	else
		v->selected += delta;
	tview_clamp(v);
}

void tview_page(struct tview *v, int dir)
{
	size_t h = (size_t)v->height;
	if (v->count == 0)
		return;
	if (dir < 0) {
		v->top = v->top > h ? v->top - h : 0;
		v->selected = v->selected > h ? v->selected - h : 0;
	} else {
		v->top += h;
		v->selected += h;
	}
	tview_clamp(v);
}

void tview_go(struct tview *v, size_t index)
{
	v->selected = index;
	tview_clamp(v);
}

int tview_line(const struct tview *v, size_t index)
{
	if (index < v->top || index >= v->top + (size_t)v->height || index >= v->count)
		return -1;
	return (int)(index - v->top);
}
