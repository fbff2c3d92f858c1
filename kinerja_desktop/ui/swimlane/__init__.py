"""The swimlane on screen: the Qt painter of the display list and the page view.

`painter.paint_page(painter, page)` draws one `core.layout.display.DisplayPage`
as the PDF does; `view.SwimlaneView` shows a document's pages stacked, zooms,
maps clicks to steps and highlights a step. The pages come from
`services.layout_service.LayoutService`, laid out exactly as printed.
"""
