// The admin's date and time pickers (jQuery datetimepicker) rewrite a field on blur: text they
// cannot read in their one format becomes today's date or the current time ("klo 18" turned
// into now, "8.12.26" into 1908), silently. Here they leave typed text alone, so the server
// reads it (home/dates.py) and says in a field error what it cannot read. Picking a date or a
// time from the picker still fills the field. Loaded before any picker starts (a global admin
// script, insert_global_admin_js in home/wagtail_hooks.py).
window.jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
