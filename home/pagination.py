from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, items, per_page=None):
    """The requested page of `items`, with the page links to show (elided around the current).

    Listing 10,000 news items must not print 834 page links: show the first and last pages and
    two on each side of the current one (templates/components/pagination.html).
    """
    paginator = Paginator(items, per_page or settings.KYLATORI_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.page_links = list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )
    return page_obj
