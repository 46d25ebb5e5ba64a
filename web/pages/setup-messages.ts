import type { Lang, Params } from '../i18n/i18n';

/**
 * The "Set up this iPad" page's words (issue 16). They live beside the page, not in the
 * main catalogues, so they load with the page's own chunk and not on every first visit.
 */
const en = {
  setupIntro:
    'Four steps, about five minutes, once per device. After that you only tap Connect VPN here.',
  setupStep: 'Step {n}',
  installTitle: 'Install the VPN app',
  installBody: '{app} is the VPN app for this device. It is free.',
  downloadTitle: 'Download the configuration',
  downloadBody: 'This file tells the app where the company VPN is. It holds no password.',
  downloadButton: 'Download the configuration',
  fileName: 'File name',
  importTitle: 'Import it in {app}',
  importOpenVpn:
    'Open the downloaded file (in the Files app, under Downloads), tap Share, then choose {app}. In {app}, tap Add.',
  importAwsClient:
    'Open {app}, choose File, Manage Profiles, Add Profile, and pick the downloaded file.',
  authCertificate:
    'This VPN checks a certificate of your own. Your certificate and key come from IT: ask them, and they go into the profile together with this file.',
  authDirectory:
    'When you connect, the app asks for a user name and password: your company account.',
  authFederatedDesktop: 'When you connect, {app} opens the company sign-in page.',
  connectTitle: 'Come back and tap Connect',
  connectBody:
    'Come back to this page and tap Connect VPN. When it says Ready, turn the profile on in {app}, then open {next}.',
  blockedTitle: 'This VPN cannot be used from this device',
  blockedBody:
    'It signs in through the company sign-in page, which only the AWS VPN Client can do, and that app does not exist for iPad, iPhone or Android. Ask your IT team which device to use.',
  selfService:
    'On a company computer, get the AWS VPN Client and this VPN’s profile from the self-service portal.',
  selfServiceLink: 'Open the self-service portal',
  setupFailed: 'The setup details could not be loaded.',
  // Issue 18: with several endpoints, each has its own configuration file.
  pickEndpoint: 'Which VPN to set up',
};

export type SetupKey = keyof typeof en;
type SetupCatalogue = Record<SetupKey, string>;

const ko: SetupCatalogue = {
  setupIntro:
    '기기마다 한 번, 약 5분이면 되는 네 단계입니다. 그다음부터는 여기서 VPN 연결만 누르면 됩니다.',
  setupStep: '{n}단계',
  installTitle: 'VPN 앱 설치',
  installBody: '이 기기에서 쓰는 VPN 앱은 {app}입니다. 무료입니다.',
  downloadTitle: '구성 파일 내려받기',
  downloadBody: '이 파일은 앱에 회사 VPN의 주소를 알려 줍니다. 비밀번호는 들어 있지 않습니다.',
  downloadButton: '구성 파일 내려받기',
  fileName: '파일 이름',
  importTitle: '{app}에서 가져오기',
  importOpenVpn:
    '내려받은 파일을 여세요(파일 앱의 다운로드 폴더). 공유를 누르고 {app}을(를) 고른 다음, {app}에서 추가를 누르세요.',
  importAwsClient:
    '{app}를 열고 파일, 프로필 관리, 프로필 추가를 차례로 고른 다음 내려받은 파일을 선택하세요.',
  authCertificate:
    '이 VPN은 본인 인증서를 확인합니다. 인증서와 키는 IT 담당자가 줍니다. 담당자에게 요청하면 이 파일과 함께 프로필에 넣어 줍니다.',
  authDirectory: '연결할 때 앱이 사용자 이름과 비밀번호를 묻습니다. 회사 계정으로 로그인하세요.',
  authFederatedDesktop: '연결하면 {app}가 회사 로그인 페이지를 엽니다.',
  connectTitle: '돌아와서 연결 누르기',
  connectBody:
    '이 페이지로 돌아와 VPN 연결을 누르세요. 준비 완료가 되면 {app}에서 프로필을 켜고 {next}을(를) 여세요.',
  blockedTitle: '이 기기에서는 이 VPN을 쓸 수 없습니다',
  blockedBody:
    '이 VPN은 회사 로그인 페이지로 로그인하는데, 그렇게 할 수 있는 앱은 AWS VPN Client뿐이고 이 앱은 태블릿과 휴대폰용이 없습니다. 어떤 기기를 쓸지 IT 담당자에게 문의하세요.',
  selfService:
    '회사 컴퓨터에서는 셀프 서비스 포털에서 AWS VPN Client와 이 VPN의 프로필을 받으세요.',
  selfServiceLink: '셀프 서비스 포털 열기',
  setupFailed: '설정 정보를 불러오지 못했습니다.',
  pickEndpoint: '설정할 VPN',
};

const ja: SetupCatalogue = {
  setupIntro:
    '端末ごとに一度だけ、5 分ほどの 4 ステップです。そのあとはここで「VPN に接続」を押すだけです。',
  setupStep: 'ステップ {n}',
  installTitle: 'VPN アプリを入れる',
  installBody: 'この端末で使う VPN アプリは {app} です。無料です。',
  downloadTitle: '構成ファイルをダウンロード',
  downloadBody: 'このファイルはアプリに会社の VPN の場所を伝えます。パスワードは入っていません。',
  downloadButton: '構成ファイルをダウンロード',
  fileName: 'ファイル名',
  importTitle: '{app} に読み込む',
  importOpenVpn:
    'ダウンロードしたファイルを開き(「ファイル」アプリの「ダウンロード」)、共有をタップして {app} を選びます。{app} で「追加」をタップします。',
  importAwsClient:
    '{app} を開き、ファイル、プロファイルを管理、プロファイルを追加の順に選んで、ダウンロードしたファイルを指定します。',
  authCertificate:
    'この VPN は本人の証明書を確認します。証明書と鍵は IT 担当者から受け取ります。依頼すると、このファイルと一緒にプロファイルに入れてくれます。',
  authDirectory:
    '接続するとき、アプリがユーザー名とパスワードを聞きます。会社のアカウントを入力してください。',
  authFederatedDesktop: '接続すると {app} が会社のサインインページを開きます。',
  connectTitle: '戻って接続を押す',
  connectBody:
    'このページに戻って「VPN に接続」を押します。準備完了になったら {app} でプロファイルをオンにし、{next} を開きます。',
  blockedTitle: 'この端末ではこの VPN を使えません',
  blockedBody:
    'この VPN は会社のサインインページでサインインします。それができるのは AWS VPN Client だけで、このアプリにはタブレット版もスマートフォン版もありません。どの端末を使うか IT 担当者に相談してください。',
  selfService:
    '会社のパソコンでは、セルフサービスポータルから AWS VPN Client とこの VPN のプロファイルを入手してください。',
  selfServiceLink: 'セルフサービスポータルを開く',
  setupFailed: '設定の情報を読み込めませんでした。',
  pickEndpoint: '設定する VPN',
};

const catalogues: Record<Lang, SetupCatalogue> = { en, ko, ja };

/** The setup page's `t`: the same `{name}` placeholders as the main catalogues. */
export function setupText(lang: Lang, key: SetupKey, params: Params = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** For the translation test: every language has every key, and the same placeholders. */
export const setupCatalogues = catalogues;
