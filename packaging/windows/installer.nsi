; Windows installer of Street Office Registry (街道社会工作登记台) for one district.
; Built by packaging/build.py --installer, which passes:
;   BUNDLE         the PyInstaller one-folder program
;   OUTFILE        the installer to write (its name carries the district's name)
;   VERSION        the program's version
;   DISTRICT_CODE  e.g. 110105
;   DISTRICT_NAME  e.g. 北京市朝阳区
; The clerk's register, backups and logs live in the user's data folder, never in the
; program folder, so an upgrade or an uninstall leaves them in place.

Unicode true
!include "MUI2.nsh"

!ifndef BUNDLE
  !error "BUNDLE is not defined: build with packaging/build.py --installer"
!endif

!define APP_NAME "街道社会工作登记台"
!define APP_KEY "StreetOfficeRegistry-${DISTRICT_CODE}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"

Name "${APP_NAME}（${DISTRICT_NAME}）"
Caption "${APP_NAME}（${DISTRICT_NAME}）${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}\${DISTRICT_CODE}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\street-registry.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即启动${APP_NAME}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "程序" SecProgram
  SectionIn RO
  ; An upgrade replaces the program files only; the register is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}（${DISTRICT_NAME}）.lnk" "$INSTDIR\street-registry.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\卸载.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\street-registry.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}（${DISTRICT_NAME}）"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${DISTRICT_NAME}民政部门"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only the program: the clerk's register, backups and logs stay in their data folder.
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\street-registry.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
